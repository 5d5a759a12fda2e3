#!/usr/bin/env bash
# Runs NewsApi on the seed articles, with everything it needs:
#   - builds the API (Release);
#   - uses ConnectionStrings__News when it is set, otherwise starts a private PostgreSQL from the locally
#     installed server binaries (scripts/local-postgres.sh, data in .data/postgres) and stops it on exit;
#   - applies migrations, imports data/seeds, and serves http://127.0.0.1:8080 (NEWSAPI_URLS to change it).
set -euo pipefail
cd "$(dirname "$0")"
root=$PWD
urls=${NEWSAPI_URLS:-http://127.0.0.1:8080}
base=${urls%%;*}

say() { printf 'run.sh: %s\n' "$*" >&2; }

command -v dotnet >/dev/null || { say "the .NET 10 SDK is not installed: https://dotnet.microsoft.com/download"; exit 1; }
port=${base##*:}
port=${port%%/*}
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  say "port $port is in use; stop what uses it or run NEWSAPI_URLS=http://127.0.0.1:8081 ./run.sh"
  exit 1
fi

say "building"
dotnet build src/NewsApi.Api/NewsApi.Api.csproj -c Release -nologo -v quiet -clp:ErrorsOnly

started_postgres=0
if [ -z "${ConnectionStrings__News:-}" ]; then
  eval "$(scripts/local-postgres.sh start "$root/.data/postgres")"
  started_postgres=1
else
  say "using the database in ConnectionStrings__News"
fi

api=
cleanup() {
  trap - EXIT INT TERM
  if [ -n "$api" ] && kill -0 "$api" 2>/dev/null; then
    kill -TERM "$api" 2>/dev/null || true
    wait "$api" 2>/dev/null || true
  fi
  if [ "$started_postgres" = 1 ]; then
    scripts/local-postgres.sh stop "$root/.data/postgres" || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

export Database__MigrateOnStartup=${Database__MigrateOnStartup:-true}
# The admin key (X-Api-Key) for writes: NEWSAPI_ADMIN_KEY when set, else a random key made once for this data
# folder and kept in .data/admin-key (readable by you only).
if [ -n "${NEWSAPI_ADMIN_KEY:-}" ]; then
  admin_key=$NEWSAPI_ADMIN_KEY
else
  key_file=$root/.data/admin-key
  if [ ! -s "$key_file" ]; then
    mkdir -p "$root/.data"
    (umask 077 && head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n' > "$key_file")
  fi
  admin_key=$(cat "$key_file")
fi
export ApiKeys__AdminKey=$admin_key
export Import__Path=${Import__Path:-$root/data/seeds}
(cd src/NewsApi.Api/bin/Release/net10.0 && exec dotnet NewsApi.Api.dll --urls "$urls") &
api=$!

for _ in $(seq 1 240); do
  if curl -fsS "$base/health/ready" >/dev/null 2>&1; then
    # Wait for the start-up import to finish, so the articles are there when we say so.
    for _ in $(seq 1 120); do
      curl -fsS "$base/imports?limit=1" 2>/dev/null | grep -Eq '"status":"(succeeded|failed|abandoned)"' && break
      sleep 0.5
    done
    say "NewsApi is ready: $base/articles"
    say "Swagger UI: $base/swagger    (Ctrl+C stops the API and the database it started)"
    say "admin key (X-Api-Key): $admin_key    (kept in .data/admin-key unless NEWSAPI_ADMIN_KEY is set)"
    break
  fi
  kill -0 "$api" 2>/dev/null || { say "the API exited during start-up; see the log above"; exit 1; }
  sleep 0.5
done

wait "$api"
