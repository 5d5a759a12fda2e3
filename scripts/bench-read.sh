#!/usr/bin/env bash
# Read-path load test: the API built in Release over a large database (scripts/grow-database.sh), each endpoint
# loaded for a fixed time by autocannon (npm, installed into .tools/ on first use) on 127.0.0.1, with the
# PostgreSQL plan of every query the endpoint runs (auto_explain: ANALYZE, BUFFERS) written next to the figures.
#
#   scripts/bench-read.sh [SECONDS] [CONNECTIONS]      default 10 s per endpoint, 4 connections
#
# Prints one line per endpoint: requests/s and latency percentiles (p50, p90, p97.5, p99, max) in ms, then GET
# /articles/{id} against a bare baseline (ReadBaseline in tests/NewsApi.Benchmarks: the same SELECTs with plain
# Npgsql in a minimal app), alternating, three runs each, and the ratio of the median requests/s; the plans go
# to docs/plans-at-scale.txt (NEWSAPI_BENCH_PLANS to change). Uses ConnectionStrings__News's server, database
# newsapi_bench unless NEWSAPI_GROW_DATABASE names another; import and re-analysis are off, rate limits off.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds=${1:-10}
connections=${2:-4}
port=${NEWSAPI_BENCH_PORT:-8098}
base=http://127.0.0.1:$port
plans=${NEWSAPI_BENCH_PLANS:-docs/plans-at-scale.txt}
if [ -z "${ConnectionStrings__News:-}" ]; then
  eval "$(scripts/local-postgres.sh start "$root/.data/postgres")"
fi
database=${NEWSAPI_GROW_DATABASE:-newsapi_bench}
part() { printf '%s' "$ConnectionStrings__News" | tr ';' '\n' | sed -n "s/^$1=//p"; }
export PGPASSWORD=$(part Password)
psql_db() { psql -h "$(part Host)" -p "$(part Port)" -U "$(part Username)" -d "$database" -v ON_ERROR_STOP=1 -qAt "$@"; }

autocannon=$root/.tools/autocannon/node_modules/.bin/autocannon
if [ ! -x "$autocannon" ]; then
  npm install --silent --no-audit --no-fund --prefix "$root/.tools/autocannon" autocannon@9.0.0 >&2
fi
dotnet build src/NewsApi.Api/NewsApi.Api.csproj -c Release -nologo -v quiet -clp:ErrorsOnly >&2
dotnet build tests/NewsApi.Benchmarks/NewsApi.Benchmarks.csproj -c Release -nologo -v quiet -clp:ErrorsOnly >&2

# The parameters: the most and a rarely named person, a common and a rare search term, an id from the middle.
articles=$(psql_db -c "SELECT count(*) FROM articles")
frequent=$(psql_db -c "SELECT id FROM entities WHERE kind = 'Person' AND merged_into_id IS NULL ORDER BY article_count DESC, id LIMIT 1")
rare=$(psql_db -c "SELECT id FROM entities WHERE kind = 'Person' AND merged_into_id IS NULL AND article_count > 0 ORDER BY article_count, id LIMIT 1")
actor=$(psql_db -c "SELECT entity_id FROM event_participants GROUP BY entity_id ORDER BY count(*) DESC LIMIT 1")
middle=$(psql_db -c "SELECT id FROM articles ORDER BY id OFFSET (SELECT count(*) / 2 FROM articles) LIMIT 1")
prefix=$(psql_db -c "SELECT left(name, 4) FROM entities WHERE id = $frequent")

# A cursor from the middle of the table, signed with the key this run configures (Paging:CursorKey).
key=bench-read-cursor-key-0123456789
mid=$(psql_db -c "SELECT (extract(epoch FROM sort_date) * 10000000)::bigint + 621355968000000000 || ' ' || id FROM articles ORDER BY sort_date DESC, id DESC OFFSET (SELECT count(*) / 2 FROM articles) LIMIT 1")
cursor=$(python3 - "$key" $mid <<'PY'
import base64, hashlib, hmac, json, sys
key, ticks, id_ = sys.argv[1], sys.argv[2], sys.argv[3]
# Paging.Fingerprint("articles", q, source, from, to, sort, person, organisation, place, name) with only sort set.
parts = ["articles", "", "", "", "", "Newest", "", "", "", ""]
fingerprint = hashlib.sha256("\u001f".join(parts).encode()).hexdigest()[:16]
payload = json.dumps({"Q": fingerprint, "K": [ticks, id_]}, separators=(",", ":")).encode()
b64 = lambda b: base64.urlsafe_b64encode(b).decode().rstrip("=")
tag = hmac.new(hashlib.sha256(key.encode()).digest(), payload, hashlib.sha256).digest()[:16]
print(b64(payload) + "." + b64(tag))
PY
)

start_api() {
  (cd src/NewsApi.Api/bin/Release/net10.0 && ConnectionStrings__News=$(printf '%s' "$ConnectionStrings__News" | sed "s/Database=[^;]*/Database=$database/") \
    Import__Enabled=false Analysis__ReprocessEnabled=false RateLimits__Enabled=false Paging__CursorKey=$key \
    Serilog__MinimumLevel__Default=Warning exec dotnet NewsApi.Api.dll --urls "$base") >/tmp/newsapi-bench-read.log 2>&1 &
  api=$!
  for _ in $(seq 1 120); do curl -fsS "$base/health/ready" >/dev/null 2>&1 && return; sleep 0.5; done
  echo "bench-read: the API did not become ready; see /tmp/newsapi-bench-read.log" >&2; exit 1
}
stop_api() { [ -n "${api:-}" ] || return 0; kill "$api" 2>/dev/null; wait "$api" 2>/dev/null || true; api=; }
stop_baseline() { [ -n "${baseline:-}" ] || return 0; kill "$baseline" 2>/dev/null; wait "$baseline" 2>/dev/null || true; baseline=; }
reset_explain() {
  psql_db -c "ALTER DATABASE $database RESET session_preload_libraries" -c "ALTER DATABASE $database RESET auto_explain.log_min_duration" \
    -c "ALTER DATABASE $database RESET auto_explain.log_analyze" -c "ALTER DATABASE $database RESET auto_explain.log_buffers" \
    -c "ALTER DATABASE $database RESET auto_explain.log_format"
}
# Whatever stops the script, the API goes and the database stops logging every plan.
trap 'stop_api; stop_baseline; reset_explain' EXIT

declare -a names urls
add() { names+=("$1"); urls+=("$2"); }
add "GET /articles (first page)"              "/articles?limit=20"
add "GET /articles (cursor, middle of table)" "/articles?limit=20&cursor=$cursor"
add "GET /articles?q= (common term)"          "/articles?q=government&limit=20"
add "GET /articles?q= (rare term)"            "/articles?q=zeppelin&limit=20"
add "GET /articles?q= (absent term)"          "/articles?q=qwertyuiopzx&limit=20"
add "GET /articles?q=&sort=relevance (rare)"  "/articles?q=zeppelin&sort=relevance&limit=20"
add "GET /articles?person= (most named)"      "/articles?person=$frequent&limit=20"
add "GET /articles?person= (rarely named)"    "/articles?person=$rare&limit=20"
add "GET /people?q="                          "/people?q=$prefix&limit=20"
add "GET /events?participant="                "/events?participant=$actor&limit=20"
add "GET /articles/{id}"                      "/articles/$middle"

# Plans first, in a run of their own: auto_explain logs every statement's plan, with ANALYZE and BUFFERS.
psql_db -c "ALTER DATABASE $database SET session_preload_libraries = 'auto_explain'" \
  -c "ALTER DATABASE $database SET auto_explain.log_min_duration = 0" -c "ALTER DATABASE $database SET auto_explain.log_analyze = on" \
  -c "ALTER DATABASE $database SET auto_explain.log_buffers = on" -c "ALTER DATABASE $database SET auto_explain.log_format = text"
log=$(psql_db -c "SELECT pg_current_logfile()" 2>/dev/null || true)
datadir=$(psql_db -c "SHOW data_directory")
start_api
{
  echo "# Plans of every query of each endpoint, $articles articles ($(date -u +%F), scripts/bench-read.sh)"
  for i in "${!names[@]}"; do
    marker="bench-read-$i-$RANDOM"
    psql_db -c "SELECT '$marker'" >/dev/null
    curl -fsS "$base${urls[$i]}" >/dev/null
    sleep 0.3
    echo; echo "## ${names[$i]}  (${urls[$i]%%cursor=*}$([[ ${urls[$i]} == *cursor=* ]] && echo 'cursor=…'))"
    # The server log of this private cluster, from the marker on: the plans auto_explain wrote.
    logfile=${log:+$datadir/$log}; logfile=${logfile:-$(dirname "$datadir")/server.log}
    [ -r "$logfile" ] || logfile=$(dirname "$datadir")/server.log
    awk -v m="$marker" 'found && /LOG:  duration: .* plan:/ {p=1; print "---"; next} found && /^[0-9-]+ [0-9:.]+ UTC \[/ {p=0} found && p {print} index($0, m) {found=1}' "$logfile" \
      | sed 's/^\t//' | grep -v -E '^\s*Query Text: (SELECT .bench-read|$)' || true
  done
} > "$plans"
stop_api
reset_explain

start_api
printf '%-42s %8s %7s %7s %7s %7s %7s\n' "endpoint ($articles articles, $connections connections, ${seconds} s)" "req/s" "p50" "p90" "p97.5" "p99" "max"
for i in "${!names[@]}"; do
  "$autocannon" -c "$connections" -d "$seconds" -j "$base${urls[$i]}" 2>/dev/null | python3 -c "$(cat <<'PY'
import json, sys
r = json.load(sys.stdin); l = r["latency"]
bad = r["non2xx"] + r["errors"]
print("%-42s %8.0f %7.1f %7.1f %7.1f %7.1f %7.1f%s" % (sys.argv[1], r["requests"]["average"], l["p50"], l["p90"], l["p97_5"], l["p99"], l["max"],
      "  (%d not 2xx)" % bad if bad else ""))
PY
)" "${names[$i]}"
done

# GET /articles/{id}: the API against the bare baseline, alternating (A B A B A B), the ratio of the medians.
baseline_port=$((port + 2))
(exec dotnet tests/NewsApi.Benchmarks/bin/Release/net10.0/NewsApi.Benchmarks.dll read-baseline "http://127.0.0.1:$baseline_port" \
  "$(printf '%s' "$ConnectionStrings__News" | sed "s/Database=[^;]*/Database=$database/")") >/tmp/newsapi-bench-baseline.log 2>&1 &
baseline=$!
for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:$baseline_port/articles/$middle" >/dev/null 2>&1 && break; sleep 0.5; done
rps() { "$autocannon" -c "$connections" -d "$seconds" -j "$1" 2>/dev/null | python3 -c 'import json, sys; r = json.load(sys.stdin); print("%.0f" % r["requests"]["average"])'; }
api_runs=() baseline_runs=()
for _ in 1 2 3; do
  api_runs+=("$(rps "$base/articles/$middle")")
  baseline_runs+=("$(rps "http://127.0.0.1:$baseline_port/articles/$middle")")
done
python3 - "${api_runs[*]}" "${baseline_runs[*]}" <<'PY'
import statistics, sys
api, bare = [float(x) for x in sys.argv[1].split()], [float(x) for x in sys.argv[2].split()]
print("GET /articles/{id} req/s: API %s, bare Npgsql baseline %s; medians %.0f / %.0f = %.2f"
      % (" ".join("%.0f" % x for x in api), " ".join("%.0f" % x for x in bare), statistics.median(api), statistics.median(bare),
         statistics.median(api) / statistics.median(bare)))
PY
