#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests of the pipeline run store, from Debian's packages.
#
#   scripts/postgres.sh install   apt-get install postgresql when its binaries are missing (root with apt-get)
#   scripts/postgres.sh start     initdb a temporary data directory and start a server on 127.0.0.1 and a free
#                                 port (as the postgres user when run as root); prints its JDBC URL
#   scripts/postgres.sh url       print the JDBC URL of the server this script started
#   scripts/postgres.sh stop      stop that server (pg_ctl stop) and remove its data directory
#   scripts/postgres.sh status    whether it runs
#
# State (pid, port, URL, where the data directory is) lives in $SYNAPSE_PG_STATE (default .pg-state/). The
# server trusts local connections of the user 'synapse' and listens on loopback only; it is for tests.
set -euo pipefail
trap 'echo "postgres.sh: failed (line $LINENO): $BASH_COMMAND" >&2' ERR
root="$(cd "$(dirname "$0")/.." && pwd)"
state="${SYNAPSE_PG_STATE:-$root/.pg-state}"

bin_dir() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then
    echo "$dir"
  elif command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
  fi
}

install() {
  if [ -n "$(bin_dir)" ]; then
    return 0
  fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql
  fi
  [ -n "$(bin_dir)" ] || { echo "postgres.sh: PostgreSQL's initdb is missing: install Debian's postgresql package" >&2; exit 1; }
}

# Runs a PostgreSQL program as the user that owns the data directory (initdb refuses root).
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

running() {
  [ -f "$state/datadir" ] && [ -f "$(cat "$state/datadir")/db/postmaster.pid" ] \
    && kill -0 "$(head -n 1 "$(cat "$state/datadir")/db/postmaster.pid")" 2>/dev/null
}

start() {
  install
  if running; then
    cat "$state/url"
    return 0
  fi
  local bin data port
  bin="$(bin_dir)"
  mkdir -p "$state"
  # The data directory is outside the checkout: the postgres user must be able to reach it.
  data="$(mktemp -d "${TMPDIR:-/tmp}/synapse-pg.XXXXXX")"
  echo "$data" > "$state/datadir"
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || { echo "postgres.sh: no 'postgres' user (install Debian's postgresql package)" >&2; exit 1; }
    chown postgres "$data"
  fi
  as_owner "$bin/initdb" -D "$data/db" -U synapse -A trust -E UTF8 --no-sync >"$state/initdb.log" 2>&1 \
    || { cat "$state/initdb.log" >&2; exit 1; }
  port="$(free_port)"
  as_owner "$bin/pg_ctl" -D "$data/db" -l "$data/server.log" -w -t 60 \
      -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50" start >/dev/null \
    || { cat "$data/server.log" >&2; exit 1; }
  as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U synapse synapse
  echo "$port" > "$state/port"
  echo "jdbc:postgresql://127.0.0.1:$port/synapse?user=synapse" > "$state/url"
  cat "$state/url"
}

stop() {
  if [ ! -f "$state/datadir" ]; then
    echo "postgres.sh: no server started by this script"
    return 0
  fi
  local data
  data="$(cat "$state/datadir")"
  if [ -d "$data/db" ]; then
    as_owner "$(bin_dir)/pg_ctl" -D "$data/db" -m fast -w -t 60 stop >/dev/null 2>&1 || true
  fi
  rm -rf "$data"
  rm -f "$state/datadir" "$state/url" "$state/port"
  echo "postgres.sh: server stopped"
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  url) running && cat "$state/url" || { echo "postgres.sh: no server running" >&2; exit 1; } ;;
  stop) stop ;;
  status) if running; then echo "postgres.sh: running at $(cat "$state/url")"; else echo "postgres.sh: not running"; exit 1; fi ;;
  *) echo "usage: $0 install|start|url|stop|status" >&2; exit 2 ;;
esac
