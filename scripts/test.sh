#!/usr/bin/env bash
# Runs every test: the reactor (runtime, processor, examples) and then a plugin built as a separate
# Maven project against the artifacts the reactor just installed.
set -euo pipefail
cd "$(dirname "$0")/.."
MVN=(mvn -B -ntp)
"${MVN[@]}" install
"${MVN[@]}" -f it/standalone-plugin/pom.xml verify
