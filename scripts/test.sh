#!/usr/bin/env bash
# The whole test suite, on a fresh machine: installs what is missing (Debian's chromium), starts a throwaway
# PostgreSQL 15 cluster on a free port (as the postgres user: it refuses root), runs every test project
# (SQLite and PostgreSQL integration tests, browser journeys), stops the cluster and prints a summary.
# SQL Server variants run when OPENGOV_TEST_SQLSERVER is set and are counted as skipped otherwise.
# Usage: scripts/test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Proposals]
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log() { printf '\n== %s\n' "$*"; }

# ---- chromium (Playwright cannot download browsers here; Debian's works) ----------------------------
if [ ! -x /usr/bin/chromium ]; then
  log "installing chromium"
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
fi
export OPENGOV_CHROMIUM=/usr/bin/chromium

# ---- throwaway PostgreSQL cluster --------------------------------------------------------------------
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$pgbin" ]; then
  log "installing postgresql"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
pgdir=$(mktemp -d /tmp/opengov-pg.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
run_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
if [ "$(id -u)" = 0 ]; then chown postgres "$pgdir"; fi
stop_pg() { run_pg "$pgbin/pg_ctl -D $pgdir/data -m immediate stop" >/dev/null 2>&1; rm -rf "$pgdir"; }
trap stop_pg EXIT
log "starting PostgreSQL on port $port"
run_pg "$pgbin/initdb -D $pgdir/data -U postgres -A trust -E UTF8 --locale=C.UTF-8" >/dev/null || { echo "initdb failed"; exit 1; }
run_pg "$pgbin/pg_ctl -D $pgdir/data -l $pgdir/log -w -o \"-p $port -k $pgdir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300\" start" >/dev/null \
  || { echo "PostgreSQL did not start:"; cat "$pgdir/log"; exit 1; }
export OPENGOV_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Timeout=30;Command Timeout=60"

# ---- build and test ----------------------------------------------------------------------------------
log "building"
dotnet build OpenGov.sln -c Release -nologo -v q -warnaserror || { echo "build failed"; exit 1; }

passed=0; failed=0; skipped=0; status=0
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  log "testing $name"
  out="$root/artifacts/test-$name.log"
  mkdir -p "$root/artifacts"
  dotnet test "$project" -c Release --no-build --nologo "$@" 2>&1 | tee "$out"
  code=${PIPESTATUS[0]}
  [ "$code" -ne 0 ] && status=1
  line=$(grep -E '(Passed|Failed)!' "$out" | tail -n 1)
  p=$(sed -nE 's/.*Passed: *([0-9]+).*/\1/p' <<<"$line"); f=$(sed -nE 's/.*Failed: *([0-9]+).*/\1/p' <<<"$line"); s=$(sed -nE 's/.*Skipped: *([0-9]+).*/\1/p' <<<"$line")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${s:-0}))
  if [ -z "$line" ]; then
    if grep -q "No test matches the given testcase filter" "$out"; then echo "(no test of $name matches the filter)"; else echo "no test summary from $name"; status=1; fi
  fi
done

log "summary"
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
