#!/usr/bin/env bash
# JOB-mode benchmark: starts a loopback Ray head of its own, runs JobBenchmark, stops the head.
#   benchmarks/job.sh [--quick]     (build first: mvn -B -q install -DskipTests)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
scripts/ray.sh install > /dev/null
export SYNAPSE_RAY_STATE="$root/benchmarks/target/ray-state-job"
cp_file="$root/benchmarks/target/classpath.txt"
mvn -B -q -ntp -pl benchmarks dependency:build-classpath -Dmdep.outputFile="$cp_file" > /dev/null
scripts/ray.sh start > /dev/null
trap 'scripts/ray.sh stop > /dev/null' EXIT
dashboard="$(cat "$SYNAPSE_RAY_STATE/dashboard")"
# The JOB backend talks HTTP only: no Ray jar and no --add-opens on the driver.
java -cp "${SYNAPSE_BENCH_CLASSES:-$root/benchmarks/target/classes}:$(cat "$cp_file")" \
  io.synapse.benchmarks.JobBenchmark "$dashboard" "$@" 2> "$root/benchmarks/target/job-benchmark.log"
