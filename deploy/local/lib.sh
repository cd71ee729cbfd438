#!/usr/bin/env bash
# Shared helpers for the local stack scripts: stack names, ports, caches, pid files, readiness waits.
# Sourced, never run. Every failure is one line on stderr naming what failed and where its log is.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LOCAL_DIR="$ROOT/deploy/local"
CB_CACHE="${CREDIT_BRIDGE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/credit-bridge}"
KAFKA_VERSION=3.9.1
MONGO_SERVER_VERSION=1.47.0
MONGO_SERVER_LIBS="$CB_CACHE/mongo-java-server-$MONGO_SERVER_VERSION/libs"

# A stack is a named set of ports and a data folder: `dev` for `make up`, `test` for `make test`.
STACK_NAME="${STACK_NAME:-dev}"
case "$STACK_NAME" in
  dev) default_kafka=9092 default_controller=9093 default_mongo=27017 ;;
  test) default_kafka=29092 default_controller=29093 default_mongo=37017 ;;
  *) default_kafka=9092 default_controller=9093 default_mongo=27017 ;;
esac
KAFKA_PORT="${KAFKA_PORT:-$default_kafka}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-$default_controller}"
MONGO_PORT="${MONGO_PORT:-$default_mongo}"
RUN_DIR="${RUN_DIR:-$ROOT/.run/$STACK_NAME}"
LOG_DIR="$RUN_DIR/logs"
PID_DIR="$RUN_DIR/pids"
READY_TIMEOUT="${READY_TIMEOUT:-90}"

fail() {
  echo "error: $*" >&2
  exit 1
}

info() {
  echo "[$STACK_NAME] $*"
}

require_tool() {
  local tool="$1" why="$2"
  command -v "$tool" >/dev/null 2>&1 || fail "'$tool' is not installed; it is needed to $why."
}

port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Refuses to start on a port someone else holds, instead of failing later with an obscure log line.
require_free_port() {
  local port="$1" what="$2" var="$3"
  if port_open "$port"; then
    fail "port $port for $what is already in use on 127.0.0.1 (not by this stack); stop whatever holds it or set $var."
  fi
}

pid_file() {
  echo "$PID_DIR/$1.pid"
}

# Prints the pid of a running component, or nothing.
running_pid() {
  local file
  file="$(pid_file "$1")"
  [ -f "$file" ] || return 0
  local pid
  pid="$(cat "$file")"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    echo "$pid"
  else
    rm -f "$file"
  fi
}

# Starts a command in its own session (so a terminal's Ctrl-C or make's exit does not reach it) and records its pid.
start_detached() {
  local name="$1" log="$2"
  shift 2
  mkdir -p "$PID_DIR" "$LOG_DIR"
  # Appended, so a restart (after a crash, or the chaos check's faults) keeps what happened before it.
  echo "=== $name started $(date -u +%Y-%m-%dT%H:%M:%SZ)" >>"$log"
  setsid "$@" >>"$log" 2>&1 </dev/null &
  echo $! >"$(pid_file "$name")"
}

# Sends SIGTERM to the component's whole process group and waits for it to go; SIGKILL after a grace period.
stop_component() {
  local name="$1" grace="${2:-30}"
  local pid
  pid="$(running_pid "$name")"
  if [ -z "$pid" ]; then
    return 0
  fi
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  local waited=0
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$waited" -ge $((grace * 10)) ]; then
      echo "warning: $name (pid $pid) ignored SIGTERM for ${grace}s; killing it" >&2
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  rm -f "$(pid_file "$name")"
  info "stopped $name"
}

# Kills the component's whole process group with SIGKILL (a crash, for the chaos check) and waits for it to go.
kill_component() {
  local name="$1"
  local pid
  pid="$(running_pid "$name")"
  [ -n "$pid" ] || return 0
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  rm -f "$(pid_file "$name")"
  info "killed $name (SIGKILL)"
}

# Polls a check command until it succeeds; on time-out or early death prints the last log lines and fails.
wait_until() {
  local name="$1" log="$2" timeout="$3"
  shift 3
  local deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    if [ -z "$(running_pid "$name")" ]; then
      tail -n 20 "$log" >&2 || true
      fail "$name exited during start-up; log: $log"
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      tail -n 20 "$log" >&2 || true
      fail "$name was not ready after ${timeout}s; log: $log"
    fi
    sleep 0.5
  done
}

# Installs a Debian package the specs need with apt-get, as root or through sudo, once per machine; fails saying
# what to do by hand when it cannot. Usage: apt_install <package> <setting naming another binary instead>
apt_install() {
  local package="$1" setting="$2" run=()
  command -v apt-get >/dev/null 2>&1 ||
    fail "$package is missing and there is no apt-get to install it; install $package or set $setting."
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 ||
      fail "$package is missing; installing it needs root: run 'apt-get install $package' as root, or set $setting."
    run=(sudo)
  fi
  info "installing Debian's $package with apt-get (once per machine)"
  mkdir -p "$CB_CACHE"
  local log="$CB_CACHE/$package-install.log"
  # Package lists may be missing or stale on a fresh machine: update first.
  { ${run[@]+"${run[@]}"} apt-get update -q && ${run[@]+"${run[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$package"; } \
    >"$log" 2>&1 || { tail -n 20 "$log" >&2; fail "installing $package with apt-get failed; log: $log"; }
}
