#!/usr/bin/env bash
# TASK-mode benchmark: starts a loopback Ray head of its own, runs TaskBenchmark, stops the head.
#   benchmarks/task.sh [--quick]     (build first: mvn -B -q install -DskipTests)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
scripts/ray.sh install > /dev/null
export SYNAPSE_RAY_STATE="$root/benchmarks/target/ray-state"
cp_file="$root/benchmarks/target/classpath.txt"
mvn -B -q -ntp -pl benchmarks dependency:build-classpath -Dmdep.outputFile="$cp_file" > /dev/null
scripts/ray.sh start > /dev/null
trap 'scripts/ray.sh stop > /dev/null' EXIT
address="$(cat "$SYNAPSE_RAY_STATE/address")"
# The pool uploads its code through the dashboard, whose port the head chose.
export SYNAPSE_RAY_DASHBOARD="$(cat "$SYNAPSE_RAY_STATE/dashboard")"
opens=()
for p in java.lang java.util java.math java.util.concurrent java.net java.text java.io java.nio java.time java.lang.invoke java.lang.reflect; do
  opens+=("--add-opens=java.base/$p=ALL-UNNAMED")
done
java "${opens[@]}" -cp "${SYNAPSE_BENCH_CLASSES:-$root/benchmarks/target/classes}:$(cat "$cp_file"):$root/.ray-venv/ray-jars/ray_dist.jar" \
  io.synapse.benchmarks.TaskBenchmark "$address" "$@" 2> "$root/benchmarks/target/task-benchmark.log"
