#!/usr/bin/env bash
# The main job, end to end on one machine: starts the private PostgreSQL and the server
# (API and worker in one process), imports a sample build as a version of a game, publishes
# it, installs it with the client and verifies every byte. Cleans up what it started.
#
#   MIST_SAMPLES  where the sample builds are kept (default /var/tmp/mist-samples)
#   MIST_PORT     the server's port on 127.0.0.1 (default 5080)
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
samples=${MIST_SAMPLES:-/var/tmp/mist-samples}
port=${MIST_PORT:-5080}
label=10.0.15
work=$(mktemp -d /tmp/mist-demo.XXXXXX)
server_pid=""
started=$(date +%s.%N)

cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

step() { printf '\n== %s\n' "$*"; }

if ! command -v curl >/dev/null; then
  apt-get update -qq && apt-get install -y -qq curl >/dev/null
fi

step "Starting PostgreSQL"
scripts/postgres.sh start
database=mist_demo
psql_admin=(psql "host=127.0.0.1 port=${MIST_PG_PORT:-55432} user=mist password=mist dbname=mist" -qtA)
"${psql_admin[@]}" -c "drop database if exists $database with (force)"
"${psql_admin[@]}" -c "create database $database"

if [ ! -d "$samples/$label" ]; then
  step "Fetching the sample builds into $samples"
  bash "$repo/../shared/data/fetch-sample-builds.sh" "$samples"
fi

step "Building"
for project in src/Api src/Client; do
  dotnet build -c Release -v quiet -nologo "$project" >"$work/build.log" 2>&1 \
    || { cat "$work/build.log"; exit 1; }
done
server=(dotnet "$repo/src/Api/bin/Release/net10.0/Mist.Api.dll")
mist=(dotnet "$repo/src/Client/bin/Release/net10.0/mist.dll")

export ConnectionStrings__Mist="Host=127.0.0.1;Port=${MIST_PG_PORT:-55432};Username=mist;Password=mist;Database=$database"
export Mist__DataRoot="$work/data"
export Import__Roots__0="$samples"
export MIST_SERVER="http://127.0.0.1:$port"
export MIST_CONFIG_DIR="$work/client-config"

step "Creating the admin account"
MIST_PASSWORD=demo-admin-password "${server[@]}" users create admin --admin

step "Starting the server on $MIST_SERVER"
"${server[@]}" --urls "$MIST_SERVER" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
  curl -fs "$MIST_SERVER/healthz" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log"; exit 1; }
  sleep 0.5
done

step "Importing $samples/$label as dotnet-runtime $label"
MIST_PASSWORD=demo-admin-password "${mist[@]}" login --user admin
"${mist[@]}" admin game add dotnet-runtime --name ".NET runtime (sample game)"
"${mist[@]}" admin build import dotnet-runtime "$label" --path "$samples/$label" --wait
"${mist[@]}" admin publish dotnet-runtime "$label"

step "Installing with the client"
"${mist[@]}" install dotnet-runtime --dir "$work/install"

step "Verifying every byte"
"${mist[@]}" verify --dir "$work/install"
diff -r --no-dereference "$samples/$label" "$work/install" -x .mist

seconds=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')
files=$(find "$work/install" -path "$work/install/.mist" -prune -o -type f -print | wc -l)
printf '\nInstalled and verified dotnet-runtime %s: %s files.\n' "$label" "$files"
printf '{"verified": true, "label": "%s", "files": %s, "seconds": %.1f}\n' \
  "$label" "$files" "$seconds"
