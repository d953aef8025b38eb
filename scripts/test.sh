#!/usr/bin/env bash
# Runs every test: installs the pinned Ray (for the TASK tests, which start and stop their own
# loopback head), the pinned Python synapse-sdk (for the config.yaml conformance test, which loads
# every generated config.yaml with it) and PostgreSQL from Debian's packages (for the pipeline run store's
# tests: one throwaway server on 127.0.0.1 for the whole run, stopped at the end), builds and tests the
# reactor, then builds a plugin as a separate Maven project against the artifacts the reactor just installed,
# as a user would: with Ray's virtualenv active and nothing about Ray in its pom.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ray.sh install
scripts/sdk.sh install
scripts/postgres.sh install
export SYNAPSE_PG_STATE="${SYNAPSE_PG_STATE:-$PWD/.pg-state}"
SYNAPSE_TEST_POSTGRES_URL="$(scripts/postgres.sh start)"
export SYNAPSE_TEST_POSTGRES_URL
trap 'scripts/postgres.sh stop > /dev/null' EXIT
MVN=(mvn -B -ntp)
"${MVN[@]}" install
(
  # shellcheck disable=SC1091
  source "${SYNAPSE_RAY_VENV:-.ray-venv}/bin/activate"
  "${MVN[@]}" -f it/standalone-plugin/pom.xml verify
)
