#!/usr/bin/env bash
# Mist's private PostgreSQL cluster: its own data folder and port, so it never touches a
# system cluster. Installs Debian's postgresql package when the server binaries are missing.
#
# Usage: scripts/postgres.sh start|stop|status|url
#   MIST_PG_PORT  port on 127.0.0.1 (default 55432)
#   MIST_PG_DATA  data folder (default /var/tmp/mist-postgres-$MIST_PG_PORT)
set -euo pipefail

port=${MIST_PG_PORT:-55432}
data=${MIST_PG_DATA:-/var/tmp/mist-postgres-$port}
url="Host=127.0.0.1;Port=$port;Username=mist;Password=mist;Database=mist"

find_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

install_server() {
  if [ -z "$(find_bin)" ]; then
    echo "postgres.sh: installing the postgresql package" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq postgresql >/dev/null
  fi
}

# The server refuses to run as root: as root, run its binaries as the postgres user.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

running() {
  [ -f "$data/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1
}

start() {
  install_server
  bin=$(find_bin)

  if [ ! -f "$data/PG_VERSION" ]; then
    mkdir -p "$data"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$data"
    chmod 700 "$data"
    as_owner "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    {
      echo "listen_addresses = '127.0.0.1'"
      echo "port = $port"
      echo "unix_socket_directories = '$data'"
      echo "max_connections = 200"
      echo "shared_buffers = 256MB"
      echo "fsync = ${MIST_PG_FSYNC:-on}"
    } >>"$data/postgresql.conf"
  fi

  if ! running; then
    as_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 start >/dev/null
  fi

  local psql=("$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qtA)
  if [ "$("${psql[@]}" -c "select 1 from pg_roles where rolname = 'mist'")" != 1 ]; then
    "${psql[@]}" -c "create role mist login superuser password 'mist'"
  fi
  if [ "$("${psql[@]}" -c "select 1 from pg_database where datname = 'mist'")" != 1 ]; then
    "${psql[@]}" -c "create database mist owner mist"
  fi
  echo "PostgreSQL is running: $url"
}

stop() {
  bin=$(find_bin)
  if [ -n "$bin" ] && running; then
    as_owner "$bin/pg_ctl" -D "$data" -w -m fast stop >/dev/null
  fi
  echo "PostgreSQL on port $port is stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) bin=$(find_bin); if running; then echo running; else echo stopped; exit 1; fi ;;
  url) echo "$url" ;;
  *) echo "usage: $0 start|stop|status|url" >&2; exit 2 ;;
esac
