#!/usr/bin/env bash
# Every benchmark figure in one go on this machine, each against its baseline measured in the same run.
#   benchmarks/run.sh [--quick] [--also-make]
#     --quick      fewer forks, iterations and processes (under ten minutes)
#     --also-make  build the modules the benchmarks depend on too (otherwise they come from ~/.m2)
# Prints the table; writes the raw results to benchmarks/results/<date>.json. Figures, not tests:
# nothing here fails on a missed target.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bench="$root/benchmarks"
target="$bench/target"
quick=false
also_make=()
for arg in "$@"; do
  case "$arg" in
    --quick) quick=true ;;
    --also-make) also_make=(-am -DskipTests) ;;
    *) echo "usage: benchmarks/run.sh [--quick] [--also-make]" >&2; exit 2 ;;
  esac
done
quick_flag=(); $quick && quick_flag=(--quick)
load_before="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || true)"
step() { echo "run.sh: $* ($(date +%H:%M:%S))" >&2; }

step "building the benchmarks module"
cd "$root"
mvn -B -q -ntp -Dstyle.color=never -pl benchmarks "${also_make[@]}" install
mvn -B -q -ntp -Dstyle.color=never -pl benchmarks dependency:build-classpath -Dmdep.outputFile="$target/resolved-classpath.txt" > /dev/null
mvn -B -q -ntp -Dstyle.color=never -f "$bench/processor-path.pom.xml" dependency:build-classpath \
  -Dmdep.outputFile="$target/resolved-processor-path.txt" > /dev/null
# Every figure of the run uses copies of the jars taken now: a build installing into ~/.m2 meanwhile
# must not change (or truncate) what is being measured.
snapshot() { # <class path file> <directory> <output file>
  rm -rf "$2" && mkdir -p "$2"
  local entry copies=()
  while IFS= read -r entry || [ -n "$entry" ]; do
    [ -n "$entry" ] || continue
    cp "$entry" "$2/" && copies+=("$2/$(basename "$entry")")
  done < <(tr ':' '\n' < "$1")
  (IFS=:; echo "${copies[*]}") > "$3"
}
snapshot "$target/resolved-classpath.txt" "$target/run-lib" "$target/run-classpath.txt"
snapshot "$target/resolved-processor-path.txt" "$target/run-processor-lib" "$target/processor-path.txt"
cp="$target/classes:$(cat "$target/run-classpath.txt")"
compile_cp="$(tr ':' '\n' < "$target/run-classpath.txt" | grep -E '/(synapse-plugins-runtime|jakarta\.validation-api)-[^/]*\.jar$' | paste -sd:)"

step "generating and compiling the 200-action plugin"
many="$target/many-actions"
rm -rf "$many" && mkdir -p "$many/classes" "$many/generated"
java -cp "$cp" io.synapse.benchmarks.ManyActionsGenerator "$many/src"
find "$many/src" -name '*.java' > "$many/sources.txt"
javac --release 17 -cp "$compile_cp" -processorpath "$(cat "$target/processor-path.txt")" -d "$many/classes" -s "$many/generated" \
  @"$many/sources.txt"
jar --create --file "$many/many-actions.jar" -C "$many/classes" .
cp "$many/classes/META-INF/synapse/many_actions/config.yaml" "$many/config.yaml"

step "in-process figures (JMH)"
if $quick; then jmh_opts=(-f 1 -wi 3 -w 1s -i 5 -r 1s); else jmh_opts=(-f 2 -wi 5 -w 2s -i 8 -r 2s); fi
java -cp "$cp" org.openjdk.jmh.Main 'io.synapse.benchmarks.(Bind|Run|Discovery)Benchmark' "${jmh_opts[@]}" -prof gc \
  -p jar="$many/many-actions.jar" -p configYaml="$many/config.yaml" \
  -rf json -rff "$target/jmh.json" > "$target/jmh.log"

step "the Python original (synapse-sdk)"
python_args=()
python_error="$target/python-error.txt"
: > "$python_error"
# The pinned synapse-sdk in .sdk-venv (scripts/sdk.sh finds a Python 3.12+); a failure is reported in
# the table instead of ending the run.
if "$root/scripts/sdk.sh" install > "$target/pip-install.log" 2>&1; then
  python_args=(python="$("$root/scripts/sdk.sh" python)" pythonScript="$bench/python/bench_synapse_sdk.py")
else
  tail -n 3 "$target/pip-install.log" > "$python_error"
fi

step "whole-process figures (fresh JVMs, javac, Python)"
java -cp "$cp" io.synapse.benchmarks.ProcessBenchmark quick="$quick" classpath="$target/run-classpath.txt" classes="$target/classes" \
  processorPath="$target/processor-path.txt" manySources="$many/src" manyGenerated="$many/generated" work="$target/process-work" out="$target/process.json" \
  "${python_args[@]}"

step "TASK figures (benchmarks/task.sh)"
rm -f "$target/task.txt" "$target/job.txt"
if ! "$bench/task.sh" "${quick_flag[@]}" > "$target/task.txt"; then
  echo "run.sh: task.sh failed; see $target/task.txt and $target/task-benchmark.log" >&2
fi
if [ -x "$bench/job.sh" ] || [ -f "$bench/job.sh" ]; then
  step "JOB figures (benchmarks/job.sh)"
  if ! bash "$bench/job.sh" "${quick_flag[@]}" > "$target/job.txt"; then
    echo "run.sh: job.sh failed; see $target/job.txt" >&2
  fi
fi

mkdir -p "$bench/results"
java -cp "$cp" io.synapse.benchmarks.Report quick="$quick" jmh="$target/jmh.json" process="$target/process.json" \
  task="$target/task.txt" job="$target/job.txt" pythonError="$python_error" loadBefore="$load_before" \
  out="$bench/results/$(date -u +%Y-%m-%dT%H%M%SZ).json"
