#!/usr/bin/env bash
# Benchmark of the proposal pages at the volume the issue names: 100,000 proposals, one with 2,000 comments.
# Seeds a throwaway SQLite database, starts the app (Release, Production-like logging), and measures in the same run
# /health (a trivial page of the same app, the baseline), /proposals, /proposals?q=..., and the proposal with 2,000 comments.
# Prints requests/s and p50/p99 latency per page. Takes a few minutes. Not part of the test suite.
# Usage: bench/run.sh [seconds-per-page=15] [concurrency=8] [proposals=100000] [comments=2000]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-15}; concurrency=${2:-8}; proposals=${3:-100000}; comments=${4:-2000}
work=$(mktemp -d /tmp/opengov-bench.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
db="$work/bench.db"
app_pid=""
cleanup() { if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT

echo "== building (Release)"
dotnet build src/OpenGov.Web -c Release -nologo -v q >/dev/null
dotnet build bench/OpenGov.Bench -c Release -nologo -v q >/dev/null
web=src/OpenGov.Web/bin/Release/net10.0/OpenGov.Web.dll
bench=bench/OpenGov.Bench/bin/Release/net10.0/OpenGov.Bench.dll

start_app() {
  ASPNETCORE_ENVIRONMENT=Staging ASPNETCORE_URLS="http://127.0.0.1:$port" \
  Database__Provider=Sqlite ConnectionStrings__OpenGov="Data Source=$db" Demo__Enabled=true \
  Mail__PickupDirectory="$work/mail" Https__Redirect=false Jobs__Enabled=false \
  Logging__LogLevel__Default=Warning dotnet "$web" --contentRoot "$PWD/src/OpenGov.Web" >"$work/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "the app did not start:"; cat "$work/app.log"; exit 1
}

echo "== creating the database (migrations and demo data)"
start_app
kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""

echo "== seeding $proposals proposals and $comments comments"
busiest=$(dotnet "$bench" seed "$db" "$proposals" "$comments")

echo "== measuring ($seconds s per page, $concurrency concurrent clients)"
start_app
dotnet "$bench" load "http://127.0.0.1:$port" "$seconds" "$concurrency" \
  /health \
  /proposals \
  "/proposals?sort=MostSupported" \
  "/proposals?q=transparence%20budget" \
  "/proposals/$busiest"
