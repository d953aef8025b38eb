#!/usr/bin/env bash
# Runs every test: installs the pinned Ray (for the TASK tests, which start and stop their own
# loopback head) and the pinned Python synapse-sdk (for the config.yaml conformance test, which loads
# every generated config.yaml with it), builds and tests the reactor, then builds a plugin as a separate
# Maven project against the artifacts the reactor just installed.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ray.sh install
scripts/sdk.sh install
MVN=(mvn -B -ntp)
"${MVN[@]}" install
"${MVN[@]}" -f it/standalone-plugin/pom.xml verify
