#!/usr/bin/env bash
# A two-node Ray cluster on this machine that shares nothing with the driver's files, for tests.
#
#   scripts/ray-cluster.sh check        say whether this machine can run it (root, unshare, ip netns)
#   scripts/ray-cluster.sh start        start it; prints the GCS address, the dashboard URL and the namespace
#   scripts/ray-cluster.sh stop         stop what start began and delete its network namespace
#   scripts/ray-cluster.sh exec CMD...  run CMD in the cluster's network namespace (a driver, the CLI)
#
# The cluster lives in a private network namespace that holds only loopback, so Ray sees 127.0.0.1 and
# nothing else, and a head and a worker node form a real two-node cluster there (Ray's single-node
# mode, which scripts/ray.sh uses, refuses a second node). Each node also runs in a private mount
# namespace with an empty tmpfs over the project checkout, the Maven repository in use and ~/.m2,
# the Ray virtualenv bound back in, so no node can read a jar of the driver's: code reaches the nodes
# only through Ray. The worker node gets a private tmpfs over its runtime_resources directory too, so
# it unpacks every package itself, and the custom resource `synapse_worker` (8) pins actors and job
# entrypoints to it. Drivers run in the same network namespace (`exec`).
#
# Settings (environment):
#   SYNAPSE_CLUSTER_STATE  state directory (default .ray-cluster-state/): name, address, pids, logs
#   SYNAPSE_RAY_VENV       the Ray virtualenv (default .ray-venv, installed by scripts/ray.sh install)
#   SYNAPSE_HIDE           extra colon-separated directories hidden from the nodes
#   MAVEN_OPTS             a -Dmaven.repo.local=DIR in it is hidden too
#
# Everything start began is stopped by stop: the nodes by process group, then every process left in the
# network namespace (only this cluster's processes live there), then the namespace itself, by its name.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="${SYNAPSE_RAY_VENV:-$root/.ray-venv}"
state="${SYNAPSE_CLUSTER_STATE:-$root/.ray-cluster-state}"
gcs_port=6379
dashboard_port=8265

fail() { echo "ray-cluster.sh: $*" >&2; exit 1; }

# Why this machine cannot run the cluster, or nothing.
missing() {
  [ "$(id -u)" = 0 ] || { echo "it must run as root (network and mount namespaces), not as uid $(id -u)"; return; }
  command -v ip >/dev/null || { echo "the ip command (iproute2) is not installed"; return; }
  command -v unshare >/dev/null || { echo "the unshare command (util-linux) is not installed"; return; }
  unshare -m --propagation private true 2>/dev/null || { echo "unshare -m fails: this machine does not allow private mount namespaces"; return; }
  local probe="synapse-probe-$$"
  if ! ip netns add "$probe" 2>/dev/null; then
    echo "ip netns add fails: this machine does not allow network namespaces"; return
  fi
  ip netns del "$probe" 2>/dev/null || true
  [ -x "$venv/bin/ray" ] || { echo "Ray is not installed in $venv (run scripts/ray.sh install)"; return; }
  command -v java >/dev/null || { echo "java is not on PATH (the raylets start Java workers with it)"; return; }
}

check() {
  local why
  why="$(missing)"
  [ -z "$why" ] || fail "cannot run a two-node cluster: $why"
  echo "ray-cluster.sh: this machine can run the two-node cluster"
}

# The directories the nodes must not see: the checkout, the Maven repository in use, ~/.m2.
hidden_dirs() {
  local dirs=("$root")
  local repo
  repo="$(printf '%s\n' "${MAVEN_OPTS:-}" | tr ' ' '\n' | sed -n 's/^-Dmaven\.repo\.local=//p' | tail -n 1)"
  [ -n "$repo" ] && dirs+=("$repo")
  [ -d "$HOME/.m2" ] && dirs+=("$HOME/.m2")
  if [ -n "${SYNAPSE_HIDE:-}" ]; then
    IFS=: read -r -a extra <<< "$SYNAPSE_HIDE"
    dirs+=("${extra[@]}")
  fi
  local dir
  # Real paths, sorted, and none inside another: a tmpfs over ~/.m2 already hides ~/.m2/repository.
  for dir in "${dirs[@]}"; do
    [ -d "$dir" ] && (cd "$dir" && pwd -P)
  done | sort -u | awk '{ for (i = 1; i <= n; i++) if (index($0 "/", kept[i] "/") == 1) next; kept[++n] = $0; print }'
}

# A shell snippet, run inside a node's fresh mount namespace, that hides the directories and binds the
# virtualenv back in. $1 is a directory outside every hidden one, for holding the virtualenv meanwhile.
hiding_script() {
  local hold="$1" dir
  local real_venv
  real_venv="$(cd "$venv" && pwd -P)"
  echo "set -e"
  echo "mkdir -p '$hold'"
  echo "mount --bind '$real_venv' '$hold'"
  while IFS= read -r dir; do
    echo "mount -t tmpfs -o size=16m,mode=0755 synapse-hidden '$dir'"
  done < <(hidden_dirs)
  echo "mkdir -p '$real_venv'"
  echo "mount --bind '$hold' '$real_venv'"
  echo "umount '$hold'"
}

wait_for() {
  local what="$1" seconds="$2"
  shift 2
  for _ in $(seq 1 "$seconds"); do
    if "$@" >/dev/null 2>&1; then
      return 0
    fi
    sleep 1
  done
  fail "$what did not happen within $seconds s; logs in $state"
}

alive_nodes() {
  ip netns exec "$(cat "$state/netns")" "$venv/bin/ray" status --address="127.0.0.1:$gcs_port" 2>/dev/null \
    | awk '/^Active:/ {active = 1; next} /^Pending:/ {active = 0} active && /node_/ {count++} END {print count + 0}'
}

two_nodes_alive() { [ "$(alive_nodes 2>/dev/null)" = 2 ]; }

# Starts node $1 from $state/$1.sh in the network namespace $2 and a mount namespace of its own, in a
# session (so a process group) of its own, and waits until Ray says it runs.
launch() {
  local node="$1" namespace="$2"
  setsid ip netns exec "$namespace" unshare -m --propagation private bash "$state/$node.sh" \
      > "$state/$node.log" 2>&1 < /dev/null &
  echo $! > "$state/$node.pid"
  wait_for "the start of the $node node" 120 grep -q "Ray runtime started" "$state/$node.log"
}

start() {
  local why
  why="$(missing)"
  [ -z "$why" ] || fail "cannot run a two-node cluster: $why"
  if [ -f "$state/netns" ] && ip netns list | grep -qw "$(cat "$state/netns")"; then
    if [ -n "$(ip netns pids "$(cat "$state/netns")" 2>/dev/null)" ]; then
      fail "a cluster of this state directory is running ($(cat "$state/netns")); stop it first"
    fi
    # Left by a run that died with its processes (a killed build, a restarted machine): nothing runs in it.
    echo "ray-cluster.sh: removing the empty network namespace $(cat "$state/netns") of an earlier run" >&2
    ip netns delete "$(cat "$state/netns")"
  fi
  rm -rf "$state"
  mkdir -p "$state"
  local name="synapse-cluster-$$-$RANDOM"
  # Ray's sockets live under its temp dir; a Unix socket path must stay short, and the nodes must be
  # able to reach it, so it sits under /tmp (never hidden) rather than in the state directory.
  local temp="/tmp/synapse-rc-$$-$RANDOM"
  mkdir -p "$temp"
  echo "$name" > "$state/netns"
  echo "$temp" > "$state/temp"
  ip netns add "$name"
  ip netns exec "$name" ip link set lo up
  hidden_dirs > "$state/hidden"

  # The head: GCS, dashboard and the job agent, on fixed ports (the namespace has its own ports).
  local head_script="$state/head.sh"
  {
    hiding_script "$temp/hold-head"
    echo "exec '$venv/bin/ray' start --head --block --node-ip-address=127.0.0.1 --port=$gcs_port \\"
    echo "  --dashboard-host=127.0.0.1 --dashboard-port=$dashboard_port --temp-dir='$temp/ray' \\"
    echo "  --dashboard-agent-listen-port=52365 --dashboard-agent-grpc-port=52366 --metrics-export-port=52367 \\"
    echo "  --runtime-env-agent-port=52368 --ray-client-server-port=10001 --node-manager-port=52369 --object-manager-port=52370 \\"
    echo "  --min-worker-port=20000 --max-worker-port=20999 --num-cpus=${SYNAPSE_CLUSTER_HEAD_CPUS:-2} \\"
    echo "  --object-store-memory=200000000 --disable-usage-stats"
  } > "$head_script"
  launch head "$name"

  # The worker node: its own agents' ports, the synapse_worker resource, and a private
  # runtime_resources directory (the head's session directory is shared, as on one machine).
  local session
  session="$(readlink -f "$temp/ray/session_latest")"
  [ -d "$session" ] || fail "the head wrote no session directory under $temp/ray"
  local worker_script="$state/worker.sh"
  {
    hiding_script "$temp/hold-worker"
    echo "mkdir -p '$session/runtime_resources'"
    echo "mount -t tmpfs -o size=1g synapse-worker-resources '$session/runtime_resources'"
    echo "exec '$venv/bin/ray' start --block --address=127.0.0.1:$gcs_port --node-ip-address=127.0.0.1 \\"
    echo "  --dashboard-agent-listen-port=52375 --dashboard-agent-grpc-port=52376 --metrics-export-port=52377 \\"
    echo "  --runtime-env-agent-port=52378 --node-manager-port=52379 --object-manager-port=52380 \\"
    echo "  --min-worker-port=21000 --max-worker-port=21999 --num-cpus=${SYNAPSE_CLUSTER_WORKER_CPUS:-2} \\"
    echo "  --resources='{\"synapse_worker\": 8}' --object-store-memory=200000000 --disable-usage-stats"
  } > "$worker_script"
  launch worker "$name"
  wait_for "two alive nodes" 60 two_nodes_alive

  # Each node's mount namespace, so that tests can tell which node a process runs on.
  readlink "/proc/$(cat "$state/head.pid")/ns/mnt" > "$state/head.mntns"
  readlink "/proc/$(cat "$state/worker.pid")/ns/mnt" > "$state/worker.mntns"
  echo "127.0.0.1:$gcs_port" > "$state/address"
  echo "http://127.0.0.1:$dashboard_port" > "$state/dashboard"
  echo "ray-cluster.sh: two nodes at $(cat "$state/address"), dashboard $(cat "$state/dashboard"), network namespace $name"
}

stop_group() {
  local file="$1" pid
  [ -f "$file" ] || return 0
  pid="$(cat "$file")"
  kill -TERM -- "-$pid" 2>/dev/null || true
  for _ in $(seq 1 20); do
    pgrep -g "$pid" >/dev/null 2>&1 || break
    sleep 1
  done
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$file"
}

stop() {
  [ -f "$state/netns" ] || { echo "ray-cluster.sh: no cluster started from $state"; return 0; }
  local name
  name="$(cat "$state/netns")"
  stop_group "$state/worker.pid"
  stop_group "$state/head.pid"
  if ip netns list | grep -qw "$name"; then
    # Whatever is left in the namespace is this cluster's (workers Ray started in sessions of their own).
    local pids
    pids="$(ip netns pids "$name" 2>/dev/null || true)"
    [ -z "$pids" ] || kill -KILL $pids 2>/dev/null || true
    for _ in $(seq 1 20); do
      [ -z "$(ip netns pids "$name" 2>/dev/null || true)" ] && break
      sleep 0.5
    done
    ip netns del "$name"
  fi
  if [ -f "$state/temp" ]; then
    rm -rf "$(cat "$state/temp")"
  fi
  rm -f "$state/netns"
  echo "ray-cluster.sh: cluster $name stopped"
}

run_in() {
  [ -f "$state/netns" ] || fail "no cluster started from $state"
  exec ip netns exec "$(cat "$state/netns")" "$@"
}

case "${1:-}" in
  check) check ;;
  start) start ;;
  stop) stop ;;
  exec) shift; run_in "$@" ;;
  *) echo "usage: scripts/ray-cluster.sh check|start|stop|exec CMD..." >&2; exit 2 ;;
esac
