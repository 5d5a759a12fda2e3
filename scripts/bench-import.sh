#!/usr/bin/env bash
# End-to-end import benchmark: a fresh database, the API built in Release, one start-up import of FOLDER
# (decode, normalise, recognise and resolve entities, store), timed by the importer itself. Prints files,
# outcomes, total seconds, files/s, per-file median/p95, and articles/s and tokens/s of the analysis.
#
#   scripts/bench-import.sh [FOLDER]       default: ../shared/data/bbc
#
# Uses ConnectionStrings__News's server when set (the database newsapi_bench, or NEWSAPI_BENCH_DATABASE, is dropped and re-created),
# else the private cluster of scripts/local-postgres.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
folder=$(cd "${1:-../shared/data/bbc}" && pwd)
port=${NEWSAPI_BENCH_PORT:-8097}
base=http://127.0.0.1:$port

dotnet build src/NewsApi.Api/NewsApi.Api.csproj -c Release -nologo -v quiet -clp:ErrorsOnly >&2
if [ -z "${ConnectionStrings__News:-}" ]; then
  eval "$(scripts/local-postgres.sh start "$root/.data/postgres")"
fi
admin=$(printf '%s' "$ConnectionStrings__News" | sed 's/Database=[^;]*/Database=postgres/')
bench_database=${NEWSAPI_BENCH_DATABASE:-newsapi_bench}
bench=$(printf '%s' "$ConnectionStrings__News" | sed "s/Database=[^;]*/Database=$bench_database/")
psql_args() { printf '%s' "$1" | tr ';' '\n' | sed -n 's/^Host=/-h /p; s/^Port=/-p /p; s/^Username=/-U /p'; }
password=$(printf '%s' "$ConnectionStrings__News" | tr ';' '\n' | sed -n 's/^Password=//p')
# shellcheck disable=SC2046
PGPASSWORD=$password psql $(psql_args "$admin") -d postgres -qc "DROP DATABASE IF EXISTS $bench_database WITH (FORCE)" -c "CREATE DATABASE $bench_database" >&2

export ConnectionStrings__News=$bench Database__MigrateOnStartup=true Import__Path=$folder Import__IntervalSeconds=0 \
  Serilog__MinimumLevel__Default=Warning
(cd src/NewsApi.Api/bin/Release/net10.0 && exec dotnet NewsApi.Api.dll --urls "$base") >/tmp/newsapi-bench.log 2>&1 &
api=$!
trap 'kill $api 2>/dev/null; wait $api 2>/dev/null' EXIT

# CPU seconds: the API process (utime + stime from /proc/PID/stat) and the whole machine (/proc/stat, busy jiffies).
clk=$(getconf CLK_TCK)
process_cpu() { awk -v c="$clk" '{ printf "%.1f", ($14 + $15) / c }' "/proc/$1/stat"; }
machine_busy() { awk -v c="$clk" '/^cpu / { printf "%.1f", ($2 + $3 + $4 + $7 + $8) / c }' /proc/stat; }
busy_before=$(machine_busy)

# Poll the light list endpoint; fetch the run with its files once it has finished.
for _ in $(seq 1 3600); do
  curl -fsS "$base/imports?limit=1" 2>/dev/null | grep -Eq '"status":"(succeeded|failed|abandoned)"' && break
  sleep 0.5
done
run=$(curl -fsS "$base/imports/1")
api_cpu=$(process_cpu "$api")
machine_cpu=$(awk -v a="$(machine_busy)" -v b="$busy_before" 'BEGIN { printf "%.1f", a - b }')
rss_kb=$(awk '/^VmHWM/ { print $2 }' "/proc/$api/status")
export NEWSAPI_BENCH_API_CPU=$api_cpu NEWSAPI_BENCH_MACHINE_CPU=$machine_cpu NEWSAPI_BENCH_RSS_KB=$rss_kb
# shellcheck disable=SC2046
tokens=$(PGPASSWORD=$password psql $(psql_args "$admin") -d "$bench_database" -tAc "SELECT coalesce(sum(token_count), 0) FROM articles")
export NEWSAPI_BENCH_TOKENS=$tokens NEWSAPI_BENCH_FOLDER=$folder

printf '%s' "$run" | python3 -c "$(cat <<'PY'
import json, os, sys
d = json.load(sys.stdin)
run, files = d["run"], d["files"]
ms = sorted(f["durationMs"] for f in files)
seconds = run["durationMs"] / 1000
print("folder      %s" % os.environ["NEWSAPI_BENCH_FOLDER"])
print("files       %d  %s" % (len(files), run["counts"]))
print("total       %.1f s  (%.0f files/s)" % (seconds, len(files) / seconds))
print("per file    median %.1f ms, p95 %.1f ms, max %.1f ms" % (ms[len(ms) // 2], ms[int(len(ms) * 0.95)], ms[-1]))
import os
tokens = int(os.environ.get("NEWSAPI_BENCH_TOKENS") or 0)
articles = run["counts"]["imported"] + run["counts"]["updated"]
print("analysed    %d articles, %d tokens: %.0f articles/s, %.0f tokens/s" % (articles, tokens, articles / seconds, tokens / seconds))
api_cpu, machine_cpu = float(os.environ["NEWSAPI_BENCH_API_CPU"]), float(os.environ["NEWSAPI_BENCH_MACHINE_CPU"])
print("cpu         API process %.1f s (%.1f ms per article, start-up included), whole machine %.1f s during the run (%.1f ms per article)"
      % (api_cpu, 1000 * api_cpu / max(articles, 1), machine_cpu, 1000 * machine_cpu / max(articles, 1)))
print("memory      API peak RSS %.0f MB" % (int(os.environ["NEWSAPI_BENCH_RSS_KB"]) / 1024))
PY
)"
