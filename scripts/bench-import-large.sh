#!/usr/bin/env bash
# Import rate as the database grows: generates a synthetic corpus of N articles (`newsapi corpus generate`, from the
# BBC and the seeds, into .data/corpus-N unless it is there), imports it into a fresh database through the real
# pipeline (the API's import worker, Release build), and every INTERVAL seconds prints the articles stored, the
# rate over the interval, the API's CPU per article over the interval (from /proc), its RSS and the database size.
# Stops when the run finishes or after MAX_SECONDS (then the run is left unfinished and the figures so far stand).
#
#   scripts/bench-import-large.sh [N] [INTERVAL] [MAX_SECONDS]      defaults 100000, 60, 7200
#
# Uses ConnectionStrings__News's server when set (the database newsapi_large_import, or NEWSAPI_BENCH_DATABASE, is
# dropped and re-created), else the private cluster of scripts/local-postgres.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
count=${1:-100000}
interval=${2:-60}
max_seconds=${3:-7200}
port=${NEWSAPI_BENCH_PORT:-8098}
base=http://127.0.0.1:$port
corpus=$root/.data/corpus-$count

dotnet build src/NewsApi.Api/NewsApi.Api.csproj -c Release -nologo -v quiet -clp:ErrorsOnly >&2
if [ ! -d "$corpus" ]; then
  dotnet build src/NewsApi.Cli/NewsApi.Cli.csproj -c Release -nologo -v quiet -clp:ErrorsOnly >&2
  dotnet src/NewsApi.Cli/bin/Release/net10.0/newsapi.dll corpus generate --out "$corpus.partial" --count "$count" >&2
  mv "$corpus.partial" "$corpus"
fi
if [ -z "${ConnectionStrings__News:-}" ]; then
  eval "$(scripts/local-postgres.sh start "$root/.data/postgres")"
fi
admin=$(printf '%s' "$ConnectionStrings__News" | sed 's/Database=[^;]*/Database=postgres/')
bench_database=${NEWSAPI_BENCH_DATABASE:-newsapi_large_import}
bench=$(printf '%s' "$ConnectionStrings__News" | sed "s/Database=[^;]*/Database=$bench_database/")
psql_args() { printf '%s' "$1" | tr ';' '\n' | sed -n 's/^Host=/-h /p; s/^Port=/-p /p; s/^Username=/-U /p'; }
export PGPASSWORD
PGPASSWORD=$(printf '%s' "$ConnectionStrings__News" | tr ';' '\n' | sed -n 's/^Password=//p')
# shellcheck disable=SC2046
psql $(psql_args "$admin") -d postgres -qc "DROP DATABASE IF EXISTS $bench_database WITH (FORCE)" -c "CREATE DATABASE $bench_database" >&2
# shellcheck disable=SC2046
query() { psql $(psql_args "$admin") -d "$bench_database" -tAc "$1" 2>/dev/null || echo 0; }

export ConnectionStrings__News=$bench Database__MigrateOnStartup=true Import__Path=$corpus Import__IntervalSeconds=0 \
  Serilog__MinimumLevel__Default=Warning
(cd src/NewsApi.Api/bin/Release/net10.0 && exec dotnet NewsApi.Api.dll --urls "$base") >/tmp/newsapi-bench-large.log 2>&1 &
api=$!
trap 'kill $api 2>/dev/null; wait $api 2>/dev/null' EXIT

clk=$(getconf CLK_TCK)
process_cpu() { awk -v c="$clk" '{ printf "%.2f", ($14 + $15) / c }' "/proc/$1/stat"; }
started=$(date +%s)
last_time=$started last_count=0 last_cpu=$(process_cpu "$api")
printf '%8s %10s %10s %14s %8s %10s\n' seconds articles "art/s" "cpu ms/art" "rss MB" "db MB"
while :; do
  sleep "$interval"
  now=$(date +%s)
  articles=$(query "SELECT count(*) FROM articles")
  cpu=$(process_cpu "$api")
  rss=$(awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$api/status")
  size=$(query "SELECT pg_database_size(current_database()) / 1048576")
  awk -v t=$((now - started)) -v n="$articles" -v dn=$((articles - last_count)) -v dt=$((now - last_time)) -v dc="$(awk -v a="$cpu" -v b="$last_cpu" 'BEGIN { print a - b }')" \
    -v rss="$rss" -v size="$size" 'BEGIN { printf "%8d %10d %10.1f %14s %8d %10d\n", t, n, dn / dt, (dn > 0 ? sprintf("%.1f", 1000 * dc / dn) : "-"), rss, size }'
  last_time=$now last_count=$articles last_cpu=$cpu
  status=$(curl -fsS "$base/imports?limit=1" 2>/dev/null | grep -Eo '"status":"[a-z]+"' | head -1 || true)
  case $status in *succeeded*|*failed*|*abandoned*) echo "run $status after $((now - started)) s: $articles articles, $(awk -v n="$articles" -v t=$((now - started)) 'BEGIN { printf "%.1f", n / t }') articles/s overall"; break ;; esac
  [ $((now - started)) -lt "$max_seconds" ] || { echo "stopped after $max_seconds s with the run unfinished: $articles articles"; break; }
done
