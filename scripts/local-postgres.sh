#!/usr/bin/env bash
# A private PostgreSQL cluster for development and tests, made from the server binaries installed on this
# machine. No Docker, no system service: initdb into a git-ignored folder, listen on a free loopback port.
#
#   scripts/local-postgres.sh start [DIR]   start (initialising on first use); prints shell exports:
#                                           NEWSAPI_PG_ADMIN (superuser connection string) and
#                                           ConnectionStrings__News (the newsapi database)
#   scripts/local-postgres.sh stop [DIR]    stop the cluster
#   scripts/local-postgres.sh status [DIR]  say whether it runs, and where
#
# DIR defaults to .data/postgres under the repository. PostgreSQL refuses to run as root, so when this script
# runs as root the cluster belongs to an unprivileged user (NEWSAPI_PG_USER, default "postgres").
# Messages go to stderr; only the exports go to stdout, so `eval "$(scripts/local-postgres.sh start)"` works.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
command=${1:-}
dir=${2:-$repo/.data/postgres}
case "$dir" in /*) ;; *) dir=$(pwd)/$dir ;; esac
data="$dir/data"
database=newsapi
superuser=newsapi
password=newsapi

say() { printf 'local-postgres: %s\n' "$*" >&2; }

find_bindir() {
  if [ -n "${NEWSAPI_PG_BINDIR:-}" ] && [ -x "$NEWSAPI_PG_BINDIR/initdb" ]; then
    echo "$NEWSAPI_PG_BINDIR"; return 0
  fi
  local candidate
  for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -V -r) \
                   /usr/local/pgsql/bin /opt/homebrew/bin /usr/local/bin /usr/bin; do
    if [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ] && [ -x "$candidate/postgres" ]; then
      echo "$candidate"; return 0
    fi
  done
  if command -v pg_config >/dev/null 2>&1; then
    candidate=$(pg_config --bindir)
    if [ -x "$candidate/initdb" ]; then echo "$candidate"; return 0; fi
  fi
  return 1
}

# Without server binaries: install them when we can (root on Debian/Ubuntu, as .ci/run does), else say the one
# command that does.
install_server() {
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "PostgreSQL server binaries are not installed; installing them with apt-get (package postgresql)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2
    return $?
  fi
  return 1
}

bindir=$(find_bindir) || { install_server && bindir=$(find_bindir); } || {
  say "PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found. Install them, then run this again:"
  if command -v apt-get >/dev/null 2>&1; then
    say "  sudo apt-get install -y postgresql"
  elif command -v dnf >/dev/null 2>&1; then
    say "  sudo dnf install -y postgresql-server"
  elif command -v brew >/dev/null 2>&1; then
    say "  brew install postgresql@15"
  else
    say "  (your system's PostgreSQL server package, version 13 or later)"
  fi
  say "Or point NewsApi at any PostgreSQL 13+ with ConnectionStrings__News, or run 'docker compose up'."
  exit 3
}

# Run a command as the cluster's owner: ourselves, or an unprivileged user when we are root.
owner=$(id -un)
if [ "$(id -u)" = 0 ]; then
  owner=${NEWSAPI_PG_USER:-postgres}
  if ! id "$owner" >/dev/null 2>&1; then
    say "creating system user '$owner' to own the cluster (PostgreSQL will not run as root)"
    useradd --system --no-create-home --shell /usr/sbin/nologin "$owner"
  fi
fi
as_owner() {
  if [ "$(id -un)" = "$owner" ]; then "$@"; else runuser -u "$owner" -- "$@"; fi
}

port_file="$dir/port"

is_running() { [ -f "$data/PG_VERSION" ] && as_owner "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1; }

port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pick_port() {
  local port
  # From a random point of the range, so that clusters started at the same moment rarely try the same port.
  local offset=$((RANDOM % 101))
  for port in ${NEWSAPI_PG_PORT:-} $(seq $((54329 + offset)) 54429) $(seq 54329 $((54328 + offset))); do
    if port_is_free "$port"; then echo "$port"; return 0; fi
  done
  return 1
}

print_exports() {
  local port=$1
  local admin="Host=127.0.0.1;Port=$port;Username=$superuser;Password=$password;Database=postgres"
  local news="Host=127.0.0.1;Port=$port;Username=$superuser;Password=$password;Database=$database"
  printf 'export NEWSAPI_PG_ADMIN=%q\n' "$admin"
  printf 'export ConnectionStrings__News=%q\n' "$news"
}

start() {
  mkdir -p "$dir"
  if [ "$(id -u)" = 0 ]; then
    chown "$owner" "$dir"
    # Every folder above the cluster must be searchable by its owner.
    if ! runuser -u "$owner" -- test -x "$dir"; then
      say "user '$owner' cannot reach $dir; choose a folder it can reach (e.g. /tmp/newsapi-postgres)"
      exit 4
    fi
  fi

  if [ ! -f "$data/PG_VERSION" ]; then
    say "initialising a new cluster in $data ($("$bindir/postgres" --version))"
    local pwfile
    pwfile=$(mktemp)
    echo "$password" >"$pwfile"
    chmod 644 "$pwfile"
    as_owner "$bindir/initdb" -D "$data" -U "$superuser" --pwfile="$pwfile" --auth-local=trust \
      --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { rm -f "$pwfile"; say "initdb failed; see $dir/initdb.log"; cat "$dir/initdb.log" >&2; exit 5; }
    rm -f "$pwfile"
  fi

  local port
  if is_running; then
    port=$(cat "$port_file")
    say "already running on 127.0.0.1:$port"
  else
    # A port found free can be taken before the server binds it (another cluster starting at the same moment):
    # then try again, on another port unless the caller fixed it (a restart keeps its clients' port).
    local attempt
    for attempt in 1 2 3 4 5; do
      port=$(pick_port) || { say "no free port between 54329 and 54429"; exit 6; }
      local options="-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories='' -c max_connections=200"
      # Throwaway test clusters trade durability for speed (NEWSAPI_PG_FAST=1, set by test.sh).
      if [ "${NEWSAPI_PG_FAST:-0}" = 1 ]; then
        options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
      fi
      local seen
      seen=0
      if [ -f "$dir/server.log" ]; then seen=$(wc -l <"$dir/server.log"); fi
      if as_owner "$bindir/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 60 -o "$options" start >/dev/null; then
        break
      fi
      if [ "$attempt" = 5 ] || ! tail -n +"$((seen + 1))" "$dir/server.log" | grep -q "Address already in use"; then
        say "pg_ctl start failed; see $dir/server.log"; tail -20 "$dir/server.log" >&2; exit 7
      fi
      say "port $port was taken while starting; trying again"
      sleep 1
    done
    echo "$port" >"$port_file"
    say "started on 127.0.0.1:$port"
  fi

  if ! PGPASSWORD=$password "$bindir/psql" -h 127.0.0.1 -p "$port" -U "$superuser" -d postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname = '$database'" | grep -q 1; then
    PGPASSWORD=$password "$bindir/psql" -h 127.0.0.1 -p "$port" -U "$superuser" -d postgres -qc "CREATE DATABASE $database" >&2
  fi
  print_exports "$port"
}

stop() {
  if is_running; then
    as_owner "$bindir/pg_ctl" -D "$data" -m fast -w stop >/dev/null
    say "stopped"
  else
    say "not running"
  fi
}

status() {
  if is_running; then
    say "running on 127.0.0.1:$(cat "$port_file") (data in $data)"
  else
    say "not running (data in $data)"
    return 1
  fi
}

case "$command" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) say "usage: $0 start|stop|status [DIR]"; exit 2 ;;
esac
