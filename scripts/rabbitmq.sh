#!/usr/bin/env bash
# Mist's private RabbitMQ node: its own node name, data folder, Erlang cookie and ports on
# 127.0.0.1, so it never touches a system-wide rabbitmq-server service. Installs Debian's
# rabbitmq-server package when it is missing (the package's own service is not started).
# The management plugin is on, so tests can create a virtual host of their own.
#
# Usage: scripts/rabbitmq.sh start|stop|status|url
#   MIST_RABBITMQ_PORT  AMQP port on 127.0.0.1 (default 55672); the management API listens
#                       on the next port, Erlang distribution on the one after
#   MIST_RABBITMQ_DATA  data folder (default /var/tmp/mist-rabbitmq-$MIST_RABBITMQ_PORT)
set -euo pipefail

port=${MIST_RABBITMQ_PORT:-55672}
admin_port=$((port + 1))
dist_port=$((port + 2))
data=${MIST_RABBITMQ_DATA:-/var/tmp/mist-rabbitmq-$port}
node="mist-$port@localhost"
bin=/usr/lib/rabbitmq/bin
url="amqp://guest:guest@127.0.0.1:$port"

install_server() {
  if [ ! -x "$bin/rabbitmq-server" ]; then
    echo "rabbitmq.sh: installing the rabbitmq-server package" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq rabbitmq-server >/dev/null
  fi
}

# As root, run the node as the package's rabbitmq user, like the package's own wrapper.
as_owner() {
  local environment=(
    HOME="$data"
    RABBITMQ_NODENAME="$node"
    RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
    RABBITMQ_NODE_PORT="$port"
    RABBITMQ_DIST_PORT="$dist_port"
    RABBITMQ_CONFIG_FILE="$data/rabbitmq.conf"
    RABBITMQ_ENABLED_PLUGINS_FILE="$data/enabled_plugins"
    RABBITMQ_MNESIA_BASE="$data/mnesia"
    RABBITMQ_LOG_BASE="$data/log"
    RABBITMQ_PID_FILE="$data/rabbitmq.pid"
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  )
  if [ "$(id -u)" = 0 ]; then
    runuser -u rabbitmq -- env "${environment[@]}" "$@"
  else
    env "${environment[@]}" "$@"
  fi
}

# Under load the CLI itself can take many seconds to answer, so it gets a long timeout.
running() {
  as_owner "$bin/rabbitmqctl" -n "$node" -t 60 -q ping >/dev/null 2>&1
}

# Something listening on the node's ports: a node of ours that did not answer in time, or a
# stranger. Starting a second node there would fail and take the first one's pid file along.
ports_taken() {
  local p
  for p in "$port" "$dist_port"; do
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && return 0
  done
  return 1
}

start() {
  install_server

  if [ ! -f "$data/rabbitmq.conf" ]; then
    mkdir -p "$data/mnesia" "$data/log"
    {
      echo "listeners.tcp.default = 127.0.0.1:$port"
      echo "management.tcp.ip = 127.0.0.1"
      echo "management.tcp.port = $admin_port"
      echo "loopback_users.guest = true"
      # Queue figures every second rather than five, so tests see them soon.
      echo "collect_statistics_interval = 1000"
    } >"$data/rabbitmq.conf"
    echo "[rabbitmq_management]." >"$data/enabled_plugins"
    [ "$(id -u)" = 0 ] && chown -R rabbitmq:rabbitmq "$data"
  fi

  if ! running && ports_taken; then
    echo "rabbitmq.sh: port $port or $dist_port is in use, but node $node does not answer;" \
      "stop what holds it, or set MIST_RABBITMQ_PORT" >&2
    exit 1
  fi

  if ! running; then
    as_owner nohup "$bin/rabbitmq-server" >"$data/log/startup.log" 2>&1 &
    if ! as_owner "$bin/rabbitmqctl" -n "$node" -q wait "$data/rabbitmq.pid" --timeout 120 \
      >/dev/null 2>&1; then
      echo "rabbitmq.sh: the node did not start; see $data/log" >&2
      exit 1
    fi
  fi
  echo "RabbitMQ is running: $url (management http://127.0.0.1:$admin_port)"
}

stop() {
  if [ -x "$bin/rabbitmqctl" ] && running; then
    # With the pid file, stop also waits for the node's process to end.
    local pid_file=()
    [ -f "$data/rabbitmq.pid" ] && pid_file=("$data/rabbitmq.pid")
    as_owner "$bin/rabbitmqctl" -n "$node" -q stop "${pid_file[@]}" >/dev/null
  fi
  echo "RabbitMQ on port $port is stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if running; then echo running; else echo stopped; exit 1; fi ;;
  url) echo "$url" ;;
  *) echo "usage: $0 start|stop|status|url" >&2; exit 2 ;;
esac
