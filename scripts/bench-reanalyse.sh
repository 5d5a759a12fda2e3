#!/usr/bin/env bash
# Re-analysis benchmark: marks every article of a benchmark database (scripts/bench-import.sh's, newsapi_bench unless
# NEWSAPI_BENCH_DATABASE names another) as analysed by an older pipeline, starts the API in Release with the import
# off and the re-analysis worker on, and times it until no article is out of date. Prints articles, seconds,
# articles/s and the API's CPU per article (from /proc). The database keeps the re-analysed results.
#
#   scripts/bench-reanalyse.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
port=${NEWSAPI_BENCH_PORT:-8097}
dotnet build src/NewsApi.Api/NewsApi.Api.csproj -c Release -nologo -v quiet -clp:ErrorsOnly >&2
if [ -z "${ConnectionStrings__News:-}" ]; then
  eval "$(scripts/local-postgres.sh start "$root/.data/postgres")"
fi
database=${NEWSAPI_BENCH_DATABASE:-newsapi_bench}
part() { printf '%s' "$ConnectionStrings__News" | tr ';' '\n' | sed -n "s/^$1=//p"; }
export PGPASSWORD
PGPASSWORD=$(part Password)
query() { psql -h "$(part Host)" -p "$(part Port)" -U "$(part Username)" -d "$database" -v ON_ERROR_STOP=1 -qAt -c "$1"; }
articles=$(query "UPDATE articles SET pipeline_version = 'bench-reanalyse-stale' RETURNING 1" | wc -l)
[ "$articles" -gt 0 ] || { echo "bench-reanalyse: $database holds no articles; run scripts/bench-import.sh first" >&2; exit 2; }

(cd src/NewsApi.Api/bin/Release/net10.0 && ConnectionStrings__News=$(printf '%s' "$ConnectionStrings__News" | sed "s/Database=[^;]*/Database=$database/") \
  Import__Enabled=false Analysis__ReprocessEnabled=true Analysis__ReprocessIntervalSeconds=1 Serilog__MinimumLevel__Default=Warning \
  exec dotnet NewsApi.Api.dll --urls "http://127.0.0.1:$port") >/tmp/newsapi-bench-reanalyse.log 2>&1 &
api=$!
trap 'kill $api 2>/dev/null; wait $api 2>/dev/null' EXIT
clk=$(getconf CLK_TCK)
started=$(date +%s.%N)
while :; do
  sleep 1
  stale=$(query "SELECT count(*) FROM articles WHERE pipeline_version = 'bench-reanalyse-stale'")
  [ "$stale" -gt 0 ] || break
  kill -0 "$api" 2>/dev/null || { echo "bench-reanalyse: the API stopped; see /tmp/newsapi-bench-reanalyse.log" >&2; exit 1; }
done
elapsed=$(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
cpu=$(awk -v c="$clk" '{ printf "%.1f", ($14 + $15) / c }' "/proc/$api/stat")
awk -v n="$articles" -v t="$elapsed" -v c="$cpu" 'BEGIN { printf "re-analysed %d articles in %.1f s (start-up included): %.1f articles/s, API CPU %.1f s (%.1f ms per article)\n", n, t, n / t, c, 1000 * c / n }'
