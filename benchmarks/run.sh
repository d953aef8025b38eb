#!/usr/bin/env bash
# Every benchmark figure on this machine, each against its baseline measured in the same run, plus the
# curves of how cost grows.
#   benchmarks/run.sh [--quick] [--repeat N] [--no-curves] [--also-make]
#     --quick      fewer forks, iterations, processes and curve points (one run with the curves: about 15
#                  minutes on a 2-core machine at a load average of 5; three times that at 20)
#     --repeat N   run every figure N times; the summary keeps each figure's median and min-max
#     --no-curves  leave the curves (bind, discovery, processor sizes) out
#     --also-make  build the modules the benchmarks depend on too (otherwise they come from ~/.m2)
# Writes benchmarks/results/<date>/: run-<i>.json per run, curves-*.json, scale.json, summary.json,
# summary.md (the table, printed too) and the PNG plots. Figures, not tests: nothing here fails on a
# missed target.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bench="$root/benchmarks"
target="$bench/target"
quick=false
repeat=1
curves=true
also_make=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=true ;;
    --repeat) shift; repeat="${1:-}" ;;
    --repeat=*) repeat="${1#--repeat=}" ;;
    --no-curves) curves=false ;;
    --also-make) also_make=(-am -DskipTests) ;;
    *) echo "usage: benchmarks/run.sh [--quick] [--repeat N] [--no-curves] [--also-make]" >&2; exit 2 ;;
  esac
  shift
done
case "$repeat" in ''|*[!0-9]*|0) echo "run.sh: --repeat needs a positive number" >&2; exit 2 ;; esac
results="$bench/results/$(date -u +%Y-%m-%dT%H%M%SZ)"
mkdir -p "$results"
quick_flag=(); $quick && quick_flag=(--quick)
loadavg() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || true; }
step() { echo "run.sh: $* ($(date +%H:%M:%S), load average $(loadavg))" >&2; }

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
rm -rf "$target/run-classes" && cp -r "$target/classes" "$target/run-classes"
cp="$target/run-classes:$(cat "$target/run-classpath.txt")"
export SYNAPSE_BENCH_CLASSES="$target/run-classes"
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

if $quick; then jmh_opts=(-f 1 -wi 3 -w 1s -i 5 -r 1s); else jmh_opts=(-f 2 -wi 5 -w 2s -i 8 -r 2s); fi
# The curves first: a run cut short still has them and the runs it finished.
curve_args=()
if $curves; then
  step "curves: bind time against list length and nesting depth (JMH)"
  if $quick; then curve_opts=(-f 1 -wi 2 -w 1s -i 3 -r 1s); else curve_opts=(-f 1 -wi 4 -w 2s -i 5 -r 2s); fi
  java -cp "$cp" org.openjdk.jmh.Main 'io.synapse.benchmarks.CurveBenchmark.list' "${curve_opts[@]}" -prof gc -p depth=1 \
    -rf json -rff "$results/curves-list.json" > "$target/curves-list.log" || echo "run.sh: the list curve failed" >&2
  java -cp "$cp" org.openjdk.jmh.Main 'io.synapse.benchmarks.CurveBenchmark.depth' "${curve_opts[@]}" -prof gc -p size=10 \
    -rf json -rff "$results/curves-depth.json" > "$target/curves-depth.log" || echo "run.sh: the depth curve failed" >&2
  step "curves: javac and discovery against the number of actions"
  java -cp "$cp" io.synapse.benchmarks.ScaleBenchmark quick="$quick" compileCp="$compile_cp" processorPath="$target/processor-path.txt" \
    work="$target/scale-work" out="$results/scale.json" || echo "run.sh: the scale curves failed" >&2
  curve_args=(curvesJmh="$results/curves-list.json,$results/curves-depth.json" scale="$results/scale.json")
fi

runs=()
for i in $(seq 1 "$repeat"); do
  run="$target/run-$i"
  rm -rf "$run" && mkdir -p "$run"
  load_before="$(loadavg)"
  step "run $i of $repeat: in-process figures (JMH)"
  if ! java -cp "$cp" org.openjdk.jmh.Main 'io.synapse.benchmarks.(Bind|Run|Discovery)Benchmark' "${jmh_opts[@]}" -prof gc \
    -p jar="$many/many-actions.jar" -p configYaml="$many/config.yaml" \
    -rf json -rff "$run/jmh.json" > "$run/jmh.log"; then
    echo "run.sh: JMH failed; see $run/jmh.log" >&2
  fi

  step "run $i of $repeat: whole-process figures (fresh JVMs, javac, Python)"
  if ! java -cp "$cp" io.synapse.benchmarks.ProcessBenchmark quick="$quick" classpath="$target/run-classpath.txt" classes="$target/run-classes" \
    processorPath="$target/processor-path.txt" manySources="$many/src" manyGenerated="$many/generated" work="$target/process-work" \
    out="$run/process.json" "${python_args[@]}" 2> "$run/process.log"; then
    echo "run.sh: the whole-process figures failed; see $run/process.log" >&2
  fi

  step "run $i of $repeat: TASK figures (benchmarks/task.sh)"
  # The TASK and JOB curves come from the first run only.
  more=(); [ "$i" -gt 1 ] && more=(--no-curves)
  if ! "$bench/task.sh" "${quick_flag[@]}" "${more[@]}" --json="$run/task.json" > "$run/task.txt"; then
    echo "run.sh: task.sh failed; see $run/task.txt and $target/task-benchmark.log" >&2
    cp "$target/task-benchmark.log" "$run/" 2>/dev/null || true
  fi
  step "run $i of $repeat: JOB figures (benchmarks/job.sh)"
  if ! bash "$bench/job.sh" "${quick_flag[@]}" "${more[@]}" --json="$run/job.json" > "$run/job.txt"; then
    echo "run.sh: job.sh failed; see $run/job.txt and $target/job-benchmark.log" >&2
  fi

  java -cp "$cp" io.synapse.benchmarks.Report quick="$quick" jmh="$run/jmh.json" process="$run/process.json" \
    task="$run/task.txt" job="$run/job.txt" taskJson="$run/task.json" jobJson="$run/job.json" pythonError="$python_error" \
    loadBefore="$load_before" out="$results/run-$i.json" || echo "run.sh: the report of run $i failed" >&2
  runs+=("$results/run-$i.json")
  # A summary after every run: one cut short keeps the runs it finished.
  step "summary of $i run(s)"
  java -cp "$cp" io.synapse.benchmarks.Summary runs="$(IFS=,; echo "${runs[*]}")" "${curve_args[@]}" out="$results" > "$results/summary.log" \
    || echo "run.sh: the summary failed; see $results/summary.log" >&2
done
cat "$results/summary.log"
echo "load average now: $(loadavg)"
