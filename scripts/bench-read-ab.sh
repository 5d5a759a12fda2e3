#!/usr/bin/env bash
# One read endpoint, two builds side by side: the API of another checkout (BASE, e.g. a `git worktree` of the commit
# before a change) and of this one, both in Release against the same database, loaded alternately by autocannon on
# 127.0.0.1 (ROUNDS rounds of SECONDS each, 3 s of warm-up per build first). Prints requests/s and latency
# percentiles per run; compare the medians.
#
#   scripts/bench-read-ab.sh BASE [URL] [ROUNDS] [SECONDS]     default /articles?q=zeppelin&limit=20, 3 rounds, 5 s
#
# Database: NEWSAPI_GROW_DATABASE (default newsapi_large) on ConnectionStrings__News's server, else the private
# cluster of scripts/local-postgres.sh. Import, re-analysis and rate limits off; 4 connections (NEWSAPI_BENCH_CONNECTIONS).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
base=${1:?usage: scripts/bench-read-ab.sh BASE [URL] [ROUNDS] [SECONDS]}
url=${2:-/articles?q=zeppelin&limit=20}
rounds=${3:-3}
seconds=${4:-5}
connections=${NEWSAPI_BENCH_CONNECTIONS:-4}
if [ -z "${ConnectionStrings__News:-}" ]; then
  eval "$(scripts/local-postgres.sh start "$root/.data/postgres")"
fi
database=${NEWSAPI_GROW_DATABASE:-newsapi_large}
connection=$(printf '%s' "$ConnectionStrings__News" | sed "s/Database=[^;]*/Database=$database/")
autocannon=$root/.tools/autocannon/node_modules/.bin/autocannon
if [ ! -x "$autocannon" ]; then
  npm install --silent --no-audit --no-fund --prefix "$root/.tools/autocannon" autocannon@9.0.0 >&2
fi
for checkout in "$base" "$root"; do
  dotnet build "$checkout/src/NewsApi.Api/NewsApi.Api.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly >&2
done

pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
start() { # checkout port
  (cd "$1/src/NewsApi.Api/bin/Release/net10.0" && ConnectionStrings__News=$connection Import__Enabled=false Analysis__ReprocessEnabled=false \
    RateLimits__Enabled=false Serilog__MinimumLevel__Default=Warning exec dotnet NewsApi.Api.dll --urls "http://127.0.0.1:$2") >"/tmp/newsapi-ab-$2.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:$2/health/ready" >/dev/null 2>&1 && return; sleep 0.5; done
  echo "bench-read-ab: the API on port $2 did not become ready; see /tmp/newsapi-ab-$2.log" >&2; exit 1
}
start "$base" 8110
start "$root" 8111
for port in 8110 8111; do "$autocannon" -c "$connections" -d 3 "http://127.0.0.1:$port$url" >/dev/null 2>&1; done
for round in $(seq 1 "$rounds"); do
  for port in 8110 8111; do
    "$autocannon" -c "$connections" -d "$seconds" -j "http://127.0.0.1:$port$url" 2>/dev/null | python3 -c '
import json, sys
r = json.load(sys.stdin); l = r["latency"]
print("%s round %s: %5.0f requests/s  p50 %5.1f  p90 %5.1f  p97.5 %5.1f  p99 %5.1f ms  non-2xx %d" % (
    "base" if sys.argv[1] == "8110" else "this", sys.argv[2], r["requests"]["average"], l["p50"], l["p90"], l["p97_5"], l["p99"], r["non2xx"] + r["errors"]))' "$port" "$round"
  done
done
