#!/usr/bin/env bash
# Installs the pinned Ray into a virtualenv and starts/stops a loopback-only head node.
#
#   scripts/ray.sh install        create .ray-venv (or $SYNAPSE_RAY_VENV) with ray-runtime/ray-requirements.txt
#   scripts/ray.sh start          start a head on 127.0.0.1 in the background; prints its GCS address
#   scripts/ray.sh stop           stop the head this script started (its process group), never `ray stop`
#   scripts/ray.sh status         show whether the head this script started is running
#   scripts/ray.sh env            print the variables (RAY_ADDRESS, SYNAPSE_RAY_JARS, ...) as shell exports
#
# State lives in $SYNAPSE_RAY_STATE (default .ray-state/): the head's pid, address and log.
set -euo pipefail
trap 'echo "ray.sh: failed (line $LINENO): $BASH_COMMAND" >&2' ERR
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="${SYNAPSE_RAY_VENV:-$root/.ray-venv}"
state="${SYNAPSE_RAY_STATE:-$root/.ray-state}"
requirements="$root/ray-runtime/ray-requirements.txt"

python_bin() { command -v python3 || command -v python; }

site_packages() { "$venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])'; }

free_port() { "$venv/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

install() {
  if [ ! -x "$venv/bin/python" ]; then
    "$(python_bin)" -m venv "$venv"
  fi
  if ! cmp -s "$requirements" "$venv/.installed-requirements" 2>/dev/null; then
    "$venv/bin/pip" install --disable-pip-version-check -q -r "$requirements"
    cp "$requirements" "$venv/.installed-requirements"
  fi
  local jar
  jar="$(site_packages)/ray/jars/ray_dist.jar"
  [ -f "$jar" ] || { echo "ray.sh: Ray's Java runtime is missing: $jar" >&2; exit 1; }
  # A fixed path to Ray's jars for Maven and drivers, whatever the Python version.
  ln -sfn "$(dirname "$jar")" "$venv/ray-jars"
  echo "ray.sh: Ray $("$venv/bin/ray" --version | awk '{print $NF}') installed in $venv"
}

running() { [ -f "$state/head.pid" ] && kill -0 "$(cat "$state/head.pid")" 2>/dev/null; }

start() {
  [ -x "$venv/bin/ray" ] || install
  if running; then
    echo "ray.sh: head already running at $(cat "$state/address")"
    return 0
  fi
  command -v java >/dev/null || { echo "ray.sh: java must be on PATH (the raylet starts Java workers with it)" >&2; exit 1; }
  mkdir -p "$state"
  local port dashboard_port
  port="$(free_port)"
  dashboard_port="${SYNAPSE_RAY_DASHBOARD_PORT:-$(free_port)}"
  # Every port the head listens on is chosen free, so several heads (CI, tests, benchmarks) can share
  # a machine: Ray's fixed defaults (e.g. the dashboard agent's 52365) would clash.
  local agent_port agent_grpc_port metrics_port client_port runtime_env_port
  agent_port="$(free_port)"; agent_grpc_port="$(free_port)"; metrics_port="$(free_port)"
  client_port="$(free_port)"; runtime_env_port="$(free_port)"
  # Workers (and the dashboard agent's own core worker) take ports from a range; Ray's default range,
  # 10002-19999, is the same for every head, and two heads starting at once could pick the same port
  # (seen: "Failed to start the grpc server ... Address already in use"). Each head gets a block of its
  # own below the ephemeral ports free_port hands out.
  local worker_base
  worker_base=$((10000 + 250 * $("$venv/bin/python" -c 'import random; print(random.randrange(88))')))
  # Ray turns --node-ip-address=127.0.0.1 into the machine's routable address unless it runs in its
  # "no cluster" mode; that mode keeps every Ray process on loopback, which is what we want.
  # setsid gives the head its own process group, so stop can end exactly what start began.
  RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER=0 setsid "$venv/bin/ray" start --head --block \
      --node-ip-address=127.0.0.1 --port="$port" \
      --dashboard-host=127.0.0.1 --dashboard-port="$dashboard_port" \
      --dashboard-agent-listen-port="$agent_port" --dashboard-agent-grpc-port="$agent_grpc_port" \
      --metrics-export-port="$metrics_port" --ray-client-server-port="$client_port" \
      --runtime-env-agent-port="$runtime_env_port" \
      --min-worker-port="$worker_base" --max-worker-port="$((worker_base + 249))" \
      --disable-usage-stats --num-cpus="${SYNAPSE_RAY_NUM_CPUS:-4}" \
      > "$state/head.log" 2>&1 < /dev/null &
  echo $! > "$state/head.pid"
  echo "127.0.0.1:$port" > "$state/address"
  echo "http://127.0.0.1:$dashboard_port" > "$state/dashboard"
  for _ in $(seq 1 120); do
    if "$venv/bin/python" - "$port" <<'PY' 2>/dev/null; then
import socket, sys
socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=1).close()
PY
      if grep -q "Ray runtime started" "$state/head.log"; then
        echo "ray.sh: head running at $(cat "$state/address"), dashboard $(cat "$state/dashboard")"
        return 0
      fi
    fi
    running || { echo "ray.sh: head exited; log:" >&2; cat "$state/head.log" >&2; exit 1; }
    sleep 1
  done
  echo "ray.sh: head did not come up in 120 s; log:" >&2
  cat "$state/head.log" >&2
  stop
  exit 1
}

stop() {
  if [ ! -f "$state/head.pid" ]; then
    echo "ray.sh: no head started by this script"
    return 0
  fi
  local pid
  pid="$(cat "$state/head.pid")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do
      pgrep -g "$pid" >/dev/null 2>&1 || break
      sleep 1
    done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$state/head.pid"
  echo "ray.sh: head stopped"
}

status() {
  if running; then
    echo "ray.sh: head running at $(cat "$state/address") (pid $(cat "$state/head.pid"))"
  else
    echo "ray.sh: no head running"
    return 1
  fi
}

env_exports() {
  echo "export SYNAPSE_RAY_VENV='$venv'"
  echo "export SYNAPSE_RAY_JARS='$venv/ray-jars'"
  if running; then
    echo "export RAY_ADDRESS='$(cat "$state/address")'"
    echo "export SYNAPSE_RAY_DASHBOARD='$(cat "$state/dashboard")'"
  fi
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  env) env_exports ;;
  *) echo "usage: scripts/ray.sh install|start|stop|status|env" >&2; exit 2 ;;
esac
