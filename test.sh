#!/usr/bin/env bash
# Runs every test against a real PostgreSQL and ends with the line "N passed, N failed".
#   - NEWSAPI_TEST_POSTGRES (a superuser connection string) when set;
#   - otherwise Testcontainers (postgres:15) when a Docker engine answers;
#   - otherwise a private cluster from the local server binaries (scripts/local-postgres.sh), stopped on exit.
# Extra arguments go to `dotnet test` (e.g. ./test.sh --filter Import).
set -uo pipefail
cd "$(dirname "$0")"
root=$PWD

if [ -z "${NEWSAPI_TEST_POSTGRES:-}" ] && ! timeout 10 docker info >/dev/null 2>&1; then
  exports=$(NEWSAPI_PG_FAST=1 scripts/local-postgres.sh start "$root/.data/postgres-test") || exit $?
  eval "$exports"
  export NEWSAPI_TEST_POSTGRES=$NEWSAPI_PG_ADMIN
  trap 'scripts/local-postgres.sh stop "$root/.data/postgres-test"' EXIT
fi

results=$(mktemp -d)
dotnet test NewsApi.sln -c Release --logger "trx;LogFilePrefix=results" --logger "console;verbosity=minimal" --results-directory "$results" "$@"
status=$?

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  count() { printf '%s' "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(count passed)))
  failed=$((failed + $(count failed) + $(count error) + $(count timeout) + $(count aborted)))
done
rm -rf "$results"

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test failed before reporting results (build error or crashed test host); counted as one failure" >&2
  failed=1
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
