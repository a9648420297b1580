#!/usr/bin/env bash
# Runs every test of the solution against real services: installs and starts the private
# PostgreSQL cluster and RabbitMQ node, fetches the sample builds for the end-to-end tests,
# runs all test projects and ends with one line "N passed, N failed" summed over them.
set -uo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

scripts/postgres.sh start || exit 1
scripts/rabbitmq.sh start || exit 1

export MIST_SAMPLES=${MIST_SAMPLES:-/var/tmp/mist-samples}
if [ ! -d "$MIST_SAMPLES/10.0.15" ]; then
  echo "Fetching the sample builds into $MIST_SAMPLES"
  bash "$repo/../shared/data/fetch-sample-builds.sh" "$MIST_SAMPLES" || exit 1
fi

log=$(mktemp)
dotnet test Mist.sln --blame-hang-timeout 15m 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Each test project prints one summary line: "Passed!  - Failed: 0, Passed: 31, ...".
grep -E '^(Passed|Failed)!' "$log" | awk -F'[:,]' '
  { for (i = 1; i < NF; i++) {
      if ($i ~ /Failed$/) failed += $(i + 1)
      if ($i ~ /Passed$/) passed += $(i + 1)
    } }
  END { printf "%d passed, %d failed\n", passed, failed }'
rm -f "$log"
exit "$status"
