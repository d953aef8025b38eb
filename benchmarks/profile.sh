#!/usr/bin/env bash
# Profiles for the targets still missed: JFR of javac with the processor on the 200-action plugin,
# the classes a cold start loads (per origin) with and without the AppCDS archive.
#   benchmarks/profile.sh [javac|cold]   (after benchmarks/run.sh, whose build and generated plugin it reuses;
#                                        default: both)
# Writes benchmarks/target/profile/ and prints the tables.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
target="$root/benchmarks/target"
out="$target/profile"
mkdir -p "$out"
cp="$target/run-classes:$(cat "$target/run-classpath.txt")"
compile_cp="$(tr ':' '\n' < "$target/run-classpath.txt" | grep -E '/(synapse-plugins-runtime|jakarta\.validation-api)-[^/]*\.jar$' | paste -sd:)"
many="$target/many-actions"
part="${1:-all}"

if [ "$part" = all ] || [ "$part" = javac ]; then
echo "== javac with the processor, 200 actions (JFR, profile settings; load average $(cut -d' ' -f1-3 /proc/loadavg))"
javac -J-XX:StartFlightRecording=filename="$out/javac.jfr",settings=profile -J-Xlog:disable --release 17 -cp "$compile_cp" \
  -processorpath "$(cat "$target/processor-path.txt")" -d "$out/javac-classes" -s "$out/javac-generated" @"$many/sources.txt"
java -cp "$cp" io.synapse.benchmarks.JfrTop "$out/javac.jfr" 12 \
  io.synapse.plugins.processor com.palantir.javapoet com.fasterxml.jackson \
  com.sun.tools.javac.processing.JavacFiler com.sun.tools.javac.processing.JavacProcessingEnvironment \
  com.sun.tools.javac.parser com.sun.tools.javac.comp.Enter com.sun.tools.javac.comp.Attr com.sun.tools.javac.comp.Flow \
  com.sun.tools.javac.jvm.Gen com.sun.tools.javac.jvm.ClassWriter com.sun.tools.javac.file

fi
if [ "$part" = all ] || [ "$part" = cold ]; then
echo "== cold start: classes loaded, by origin (load average $(cut -d' ' -f1-3 /proc/loadavg))"
ours="$target/run-classes:$(tr ':' '\n' < "$target/run-classpath.txt" | grep -E '/(synapse-plugins-runtime-|jackson-|snakeyaml-)[^/]*\.jar$' | paste -sd:)"
java -Xlog:class+load=info:file="$out/cold-classes.txt" -cp "$ours" io.synapse.benchmarks.ColdSynapse > /dev/null
java -Xlog:class+load=info:file="$out/hello-classes.txt" -cp "$target/run-classes" io.synapse.benchmarks.HelloWorld > /dev/null
jar --create --file "$out/plugin.jar" -C "$target/run-classes" .
packed="$out/plugin.jar:${ours#*:}"
java -XX:ArchiveClassesAtExit="$out/cold.jsa" -cp "$packed" io.synapse.benchmarks.ColdSynapse > /dev/null 2>&1
java -XX:SharedArchiveFile="$out/cold.jsa" -Xlog:class+load=info:file="$out/cold-cds-classes.txt" -cp "$packed" io.synapse.benchmarks.ColdSynapse > /dev/null
for f in hello-classes cold-classes cold-cds-classes; do
  printf '%s: %s classes;' "$f" "$(grep -c 'source:' "$out/$f.txt")"
  sed -n 's/.*source: \(.*\)$/\1/p' "$out/$f.txt" | sed -E 's#.*/##; s#^(jrt:).*#\1#' | sort | uniq -c | sort -rn | head -8 | tr '\n' ';'
  echo
done
fi
