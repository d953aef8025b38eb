#!/usr/bin/env bash
# Pipeline benchmark (LOCAL): per-action pipeline overhead against the same actions one by one, and a
# checkpoint write on the embedded SQLite store (PostgreSQL too with postgres=<jdbc url>). Prints ratios.
#   benchmarks/pipeline.sh [rounds=N] [postgres=jdbc:postgresql://...]     (build first: mvn -B -q install -DskipTests)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
cp_file="$root/benchmarks/target/classpath.txt"
mvn -B -q -ntp -pl benchmarks dependency:build-classpath -Dmdep.outputFile="$cp_file" > /dev/null
java -cp "$root/benchmarks/target/classes:$(cat "$cp_file")" io.synapse.benchmarks.PipelineBenchmark \
  work="$root/benchmarks/target/pipeline-benchmark" "$@"
