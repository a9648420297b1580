#!/usr/bin/env bash
# The main job, end to end on one machine: starts the private PostgreSQL and the server (API
# and worker in one process), imports five sample builds as versions of a game and publishes
# them in order, waiting each time until the server has built the version's patch chain.
# Then installs the oldest version with the client, updates it to the newest by the server's
# plan, verifies every byte, and prints what the update downloaded. The last line is JSON:
#
#   {"verified": true, "from": "10.0.11", "to": "10.0.15", "downloaded_bytes": N,
#    "target_raw_bytes": N, "full_download_bytes": N, "seconds": S}
#
# downloaded_bytes is every response body the update received (plan, manifests, patches,
# payloads, chunks); full_download_bytes is what a fresh install of the target downloads
# (its stored chunks); seconds is the update's wall time. Any failure (a command, a patch
# chain, a verification, the server dying) stops the demo with a non-zero exit and the tail
# of the server's log. Cleans up what it started; the PostgreSQL cluster keeps running.
#
#   MIST_SAMPLES  where the sample builds are kept (default /var/tmp/mist-samples)
#   MIST_PORT     the server's port on 127.0.0.1 (default 5080)
#   MIST_DEMO_DB  the database the demo (re)creates in the cluster (default mist_demo)
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
samples=${MIST_SAMPLES:-/var/tmp/mist-samples}
port=${MIST_PORT:-5080}
database=${MIST_DEMO_DB:-mist_demo}
game=dotnet-runtime
labels=(10.0.11 10.0.12 10.0.13 10.0.14 10.0.15)
from=${labels[0]}
to=${labels[-1]}
work=$(mktemp -d /tmp/mist-demo.XXXXXX)
server_pid=""
started=$(date +%s.%N)

cleanup() {
  local status=$?
  if [ "$status" -ne 0 ]; then
    printf '\ndemo FAILED (exit %s)\n' "$status" >&2
    if [ -s "$work/server.log" ]; then
      printf -- '--- last 40 lines of the server log ---\n' >&2
      tail -n 40 "$work/server.log" >&2
    fi
  fi
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT

step() { printf '\n== %s\n' "$*"; }

fail() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

# A command that fails stops the demo by itself (set -e); a server that died between
# commands would only show up as a confusing connection error, so each step checks first.
server_alive() {
  kill -0 "$server_pid" 2>/dev/null || fail "the server (pid $server_pid) has died"
}

seconds_since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }

percent() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b ? 100 * a / b : 0 }'; }

mib() { awk -v a="$1" 'BEGIN { printf "%.2f MiB", a / 1048576 }'; }

missing=()
for tool in curl jq zstd; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
if [ "${#missing[@]}" -gt 0 ]; then
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
fi

step "Starting PostgreSQL"
scripts/postgres.sh start
pg_port=${MIST_PG_PORT:-55432}
psql_admin=(psql "host=127.0.0.1 port=$pg_port user=mist password=mist dbname=mist" -qtA)
"${psql_admin[@]}" -c "drop database if exists $database with (force)"
"${psql_admin[@]}" -c "create database $database"

for label in "${labels[@]}"; do
  if [ ! -d "$samples/$label" ]; then
    step "Fetching the sample builds into $samples"
    bash "$repo/../shared/data/fetch-sample-builds.sh" "$samples"
    break
  fi
done

step "Building"
for project in src/Api src/Client; do
  dotnet build -c Release -v quiet -nologo "$project" >"$work/build.log" 2>&1 \
    || { cat "$work/build.log"; exit 1; }
done
server=(dotnet "$repo/src/Api/bin/Release/net10.0/Mist.Api.dll")
mist=(dotnet "$repo/src/Client/bin/Release/net10.0/mist.dll")

export ConnectionStrings__Mist="Host=127.0.0.1;Port=$pg_port;Username=mist;Password=mist;\
Database=$database"
export Mist__DataRoot="$work/data"
export Import__Roots__0="$samples"
export MIST_SERVER="http://127.0.0.1:$port"
export MIST_CONFIG_DIR="$work/client-config"
password=demo-admin-password

step "Creating the admin account"
MIST_PASSWORD=$password "${server[@]}" users create admin --admin

step "Starting the server on $MIST_SERVER"
if curl -fs "$MIST_SERVER/healthz" >/dev/null 2>&1; then
  fail "something already answers on $MIST_SERVER; set MIST_PORT to a free port"
fi
"${server[@]}" --urls "$MIST_SERVER" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 240); do
  curl -fs "$MIST_SERVER/healthz" >/dev/null 2>&1 && break
  server_alive
  sleep 0.5
done
curl -fs "$MIST_SERVER/healthz" >/dev/null || fail "the server did not become healthy"

MIST_PASSWORD=$password "${mist[@]}" login --user admin
"${mist[@]}" admin game add "$game" --name ".NET runtime (sample game)"

declare -A chain_seconds
for label in "${labels[@]}"; do
  step "Importing and publishing $game $label; waiting for its patch chain"
  server_alive
  "${mist[@]}" admin build import "$game" "$label" --path "$samples/$label" --wait
  server_alive
  chain_started=$(date +%s.%N)
  "${mist[@]}" admin publish "$game" "$label" --wait
  chain_seconds[$label]=$(seconds_since "$chain_started")
done

# The client prints figures for people; the exact numbers come from the API as JSON.
token=$(curl -fsS -X POST "$MIST_SERVER/api/auth/login" -H 'Content-Type: application/json' \
  -d "{\"userName\": \"admin\", \"password\": \"$password\"}" | jq -r .accessToken)
api() { curl -fsS -H "Authorization: Bearer $token" "$MIST_SERVER/api/$1"; }
target=$(api "games/$game/versions/$to")
target_raw_bytes=$(jq -r .rawBytes <<<"$target")
full_download_bytes=$(jq -r .storedBytes <<<"$target")

step "Installing $game $from with the client"
server_alive
"${mist[@]}" install "$game" --version "$from" --dir "$work/install"

step "Updating to $to with the client"
server_alive
plan=$(api "games/$game/plan?from=$from&to=$to")
"${mist[@]}" update --dir "$work/install" --to "$to" --json | tee "$work/update.log"
update=$(tail -n 1 "$work/update.log")
jq -e . >/dev/null <<<"$update" || fail "mist update --json did not end with a JSON line"

step "Verifying every byte"
"${mist[@]}" verify --dir "$work/install"
diff -r --no-dereference "$samples/$to" "$work/install" -x .mist \
  || fail "the updated folder differs from $samples/$to"

# What the plan's patches held: entries by kind, and the bytes of payloads and of the chunks
# the patch fetches (raw; the base's chunks are reused). Read from the stored patch itself.
describe_patch() {
  local hash=$1 base=$2
  api "blobs/$hash" | zstd -dcq >"$work/patch.json"
  api "manifests/$base" >"$work/base.json"
  jq -r --slurpfile base "$work/base.json" '
    ([$base[0].entries[] | .chunks // [] | .[].sha256] | map({(.): true}) | add // {}) as $held
    | ([.entries[] | select(.kind == "chunks") | .chunks[] | select($held[.sha256] | not)]
      | unique_by(.sha256)) as $fetched
    | [.entries[] | select(.kind == "delta") | .payloadSize] as $payloads
    | "    entries: " + ([.entries[] | .kind // "unchanged"] | group_by(.)
      | map("\(length) \(.[0])") | join(", ")),
      "    delta modes: " + ([.entries[] | select(.kind == "delta") | .deltaMode // "auto"]
      | group_by(.) | map("\(length) \(.[0])") | join(", ")),
      "    delta payloads: \($payloads | length) files, \($payloads | add // 0) bytes; " +
      "chunks fetched: \($fetched | length), \([$fetched[].length] | add // 0) bytes raw"
    ' "$work/patch.json"
}

downloaded_bytes=$(jq -r .downloaded_bytes <<<"$update")
update_seconds=$(jq -r .seconds <<<"$update")
target_files=$(jq -r .fileCount <<<"$target")

step "Summary"
echo "Patch chains built on publish (wall time of each 'mist admin publish --wait'):"
for label in "${labels[@]}"; do
  printf '  %s: %s s\n' "$label" "${chain_seconds[$label]}"
done
printf '\nUpdate %s -> %s: plan %s, %s step(s)%s\n' "$from" "$to" "$(jq -r .plan <<<"$update")" \
  "$(jq -r .steps <<<"$update")" \
  "$([ "$(jq -r .fell_back_to_chunks <<<"$update")" = true ] && echo ', fell back to chunks')"
jq -r '.patches // [] | .[] | "\(.patchManifestHash) \(.from) \(.to) \(.downloadBytes)"' \
  <<<"$plan" | while read -r hash base_label next_label planned; do
  printf '  patch %s -> %s: %s bytes planned\n' "$base_label" "$next_label" "$planned"
  describe_patch "$hash" "$(api "games/$game/versions/$base_label" | jq -r .manifestHash)"
done
jq -r '.chunks // [] | select(length > 0)
  | "  chunks: \(length), \([.[].storedBytes] | add) bytes stored"' <<<"$plan"
of_raw=$(percent "$downloaded_bytes" "$target_raw_bytes")
of_full=$(percent "$downloaded_bytes" "$full_download_bytes")
cat <<EOF
  downloaded:     $downloaded_bytes bytes ($(mib "$downloaded_bytes")), all the update received
  target tree:    $target_raw_bytes bytes raw in $target_files files: downloaded $of_raw% of it
  fresh install:  $full_download_bytes bytes of stored chunks: downloaded $of_full% of that
  time:           update $update_seconds s; whole demo $(seconds_since "$started") s
  verified:       mist verify, and diff -r against $samples/$to

EOF

printf '{"verified": true, "from": "%s", "to": "%s", "downloaded_bytes": %s, ' "$from" "$to" \
  "$downloaded_bytes"
printf '"target_raw_bytes": %s, "full_download_bytes": %s, "seconds": %s}\n' \
  "$target_raw_bytes" "$full_download_bytes" "$update_seconds"
