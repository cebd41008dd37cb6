#!/usr/bin/env bash
# The key public pages at national scale, on SQLite or PostgreSQL: 100,000 published ideas (Zipf-like French/Arabic text),
# one idea with 2,000 comments, one commitment sheet with 1,000 comments, the 2018-2020 plan. Seeds through SQL (SQLite
# inserts / PostgreSQL COPY, see bench/seed.py), reads the counts back from the database, starts the app (Release), then
# measures every page with wrk in the same run as /health: requests/s, share of /health, p99, HTML size, and the app's peak RSS.
# Also the site search alone (SearchIndex, common and rare words). Prints the machine load: figures on a loaded machine are not
# representative. Not part of the test suite. Needs wrk (installed with apt-get when run as root) and python3.
# PAGES=0 measures the search alone (e.g. PAGES=0 bench/run.sh postgres 10 64 1000000 0 0, the 1,000,000-idea target).
# Usage: bench/run.sh [sqlite|postgres] [seconds-per-page=10] [connections=64] [proposals=100000] [comments=2000] [sheet-comments=1000]
set -euo pipefail
cd "$(dirname "$0")/.."
provider=${1:-sqlite}; seconds=${2:-10}; connections=${3:-64}; proposals=${4:-100000}; comments=${5:-2000}; sheet_comments=${6:-1000}
work=$(mktemp -d /tmp/opengov-bench.XXXXXX); chmod 755 "$work"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
app_pid=""; pg_stop=""
cleanup() { if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi; eval "$pg_stop"; rm -rf "$work"; }
trap cleanup EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
  else echo "wrk is missing: sudo apt-get install -y wrk"; exit 1; fi
fi

echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo), $(uname -sr); load: $(uptime | sed 's/.*load average/load average/')"
echo "== building (Release)"
dotnet build src/OpenGov.Web -c Release -nologo -v q >/dev/null
dotnet build bench/OpenGov.Bench -c Release -nologo -v q >/dev/null
web=src/OpenGov.Web/bin/Release/net10.0/OpenGov.Web.dll
bench=bench/OpenGov.Bench/bin/Release/net10.0/OpenGov.Bench.dll

if [ "$provider" = postgres ]; then
  # A throwaway PostgreSQL cluster (as scripts/test.sh), unless OPENGOV_BENCH_PG names an empty database.
  if [ -z "${OPENGOV_BENCH_PG:-}" ]; then
    pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -n "$pgbin" ] || { echo "PostgreSQL is not installed (apt-get install -y postgresql)"; exit 1; }
    pgport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
    run_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
    mkdir -p "$work/pg"; [ "$(id -u)" = 0 ] && chown postgres "$work/pg"
    run_pg "$pgbin/initdb -D $work/pg/data -U postgres -A trust -E UTF8 --locale=C.UTF-8" >/dev/null
    run_pg "$pgbin/pg_ctl -D $work/pg/data -l $work/pg/log -w -o \"-p $pgport -k $work/pg -c listen_addresses=127.0.0.1 -c shared_buffers=256MB\" start" >/dev/null
    pg_stop="run_pg '$pgbin/pg_ctl -D $work/pg/data -m immediate stop' >/dev/null 2>&1 || true"
    OPENGOV_BENCH_PG="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=postgres"
  fi
  conn="$OPENGOV_BENCH_PG"
  psql_conn=$(python3 -c 'import sys; d=dict(p.split("=",1) for p in sys.argv[1].split(";") if p); print(" ".join(f"{k}={v}" for k,v in (("host",d.get("Host","localhost")),("port",d.get("Port","5432")),("user",d.get("Username","postgres")),("dbname",d.get("Database","postgres")),("password",d.get("Password"))) if v))' "$conn")
  sql() { psql "$psql_conn" -qAt -v ON_ERROR_STOP=1 -c "$1"; }
  q() { printf '"%s"' "$1"; }
  dbprov=Postgres
else
  conn="Data Source=$work/bench.db"
  sql() { python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); r=c.execute(sys.argv[2]).fetchall(); c.commit(); print("\n".join("|".join(str(v) for v in row) for row in r))' "$work/bench.db" "$1"; }
  q() { printf '%s' "$1"; }
  dbprov=Sqlite
fi

start_app() { # demo-enabled; waits up to 30 min (the one-time search reindex of a million entries takes minutes)
  ASPNETCORE_ENVIRONMENT=Staging ASPNETCORE_URLS="http://127.0.0.1:$port" Site__PublicBaseUrl="http://127.0.0.1:$port" \
  Database__Provider=$dbprov ConnectionStrings__OpenGov="$conn" Demo__Enabled=$1 \
  Mail__PickupDirectory="$work/mail" Https__Redirect=false Jobs__Enabled=false Notifications__WorkerEnabled=false \
  Logging__LogLevel__Default=Warning dotnet "$web" --contentRoot "$PWD/src/OpenGov.Web" >"$work/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 1800); do curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "the app did not start:"; cat "$work/app.log"; exit 1
}
stop_app() { kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; app_pid=""; }

echo "== $provider: migrations and demo data"
start_app true; stop_app
cycle=$(sql "SELECT $(q Id) FROM $(q Cycles) WHERE $(q PlanStartYear) = 2024 LIMIT 1")
axes=$(sql "SELECT $(q Id) FROM $(q CycleAxes) WHERE $(q CycleId) = '$cycle'" | paste -sd, -)
sheet=$(sql "SELECT $(q Id) FROM $(q Sheets) WHERE $(q CurrentVersion) > 0 ORDER BY $(q Id) LIMIT 1")
plan=$(sql "SELECT $(q Id) FROM $(q Plans) WHERE $(q Title) LIKE '%2018%' LIMIT 1")
[ -n "$cycle" ] && [ -n "$axes" ] && [ -n "$sheet" ] && [ -n "$plan" ] || { echo "demo data missing (cycle '$cycle', sheet '$sheet', plan '$plan')"; exit 1; }

echo "== seeding $proposals ideas, $comments comments on one, $sheet_comments comments on one sheet (SQL)"
python3 bench/seed.py "$work" "$proposals" "$comments" "$sheet_comments" "$cycle" "$axes" "$sheet"
busiest=$(cat "$work/busiest.txt")
P="Id CycleId AuthorUserId AuthorDisplayName SubmitterType Title Problem Solution AxisId Region ExpectedImpact Status CreatedAt UpdatedAt SubmittedAt PublishedAt IsHidden ReportCount SupportCount CommentCount"
S="Kind Key Title Body Url UpdatedAt"
C="Id ProposalId AuthorUserId AuthorDisplayName Body CreatedAt IsHidden ReportCount ReplyCount"
SC="Id SheetId SectionKey OnVersion AuthorUserId AuthorName Body CreatedAt Handling"
if [ "$provider" = postgres ]; then
  cols() { echo "$1" | sed 's/\([A-Za-z]*\)/"\1"/g; s/ /, /g'; }
  psql "$psql_conn" -q -v ON_ERROR_STOP=1 \
    -c "\\copy \"Proposals\" ($(cols "$P")) FROM '$work/proposals.tsv'" \
    -c "\\copy \"SearchEntries\" ($(cols "$S")) FROM '$work/search.tsv'" \
    -c "\\copy \"ProposalComments\" ($(cols "$C")) FROM '$work/comments.tsv'" \
    -c "\\copy \"SheetComments\" ($(cols "$SC")) FROM '$work/sheet_comments.tsv'" \
    -c "UPDATE \"Sheets\" SET \"CommentCount\" = \"CommentCount\" + $sheet_comments WHERE \"Id\" = '$sheet'" -c "ANALYZE"
else
  python3 - "$work" <<PY
import sqlite3, sys, os
w = sys.argv[1]; con = sqlite3.connect(os.path.join(w, "bench.db"))
def load(table, cols, f):
    cols = cols.split()
    with open(os.path.join(w, f), encoding="utf-8") as fh:
        con.executemany(f"INSERT INTO {table} ({','.join(cols)}) VALUES ({','.join('?' * len(cols))})", (l.rstrip("\n").split("\t") for l in fh))
load("Proposals", "$P", "proposals.tsv"); load("SearchEntries", "$S", "search.tsv")
load("ProposalComments", "$C", "comments.tsv"); load("SheetComments", "$SC", "sheet_comments.tsv")
con.execute("UPDATE Sheets SET CommentCount = CommentCount + $sheet_comments WHERE Id = '$sheet'")
con.commit(); con.execute("INSERT INTO SearchEntriesFts(SearchEntriesFts) VALUES ('optimize')"); con.execute("ANALYZE"); con.commit()
PY
fi
echo "== data measured (read back from the database)"
echo "   published ideas:          $(sql "SELECT count(*) FROM $(q Proposals) WHERE $(q Status) = 2")"
echo "   comments on the busiest:  $(sql "SELECT count(*) FROM $(q ProposalComments) WHERE $(q ProposalId) = '$(echo "$busiest" | { [ "$provider" = postgres ] && cat || tr a-f A-F; })'")"
echo "   comments on the sheet:    $(sql "SELECT count(*) FROM $(q SheetComments) WHERE $(q SheetId) = '$sheet'")"
echo "   search entries:           $(sql "SELECT count(*) FROM $(q SearchEntries)")"
echo "   with 'budget':            $(sql "SELECT count(*) FROM $(q SearchEntries) WHERE lower($(q Body)) LIKE '%budget%'")"

# Rows seeded through SQL lack the Arabic search forms the app computes: let SearchSchema's one-time reindex add them.
echo "== Arabic search forms of the seeded entries (SearchSchema's one-time reindex at startup)"
sql "UPDATE $(q SearchSchemaVersion) SET $(q Version) = 1" >/dev/null
reindex_start=$(date +%s); start_app false; stop_app
echo "   reindex and startup:      $(( $(date +%s) - reindex_start )) s, $(sql "SELECT count(*) FROM $(q SearchEntries) WHERE $(q BodyTerms) <> ''") entries with Arabic forms"

echo "== the site search alone (SearchIndex.SearchAsync, 50 hits with snippets, 100 runs per query)"
rare=$(cat "$work/rare.txt")
echo "   entries with the rare word '$rare': $(sql "SELECT count(*) FROM $(q SearchEntries) WHERE $(q Body) LIKE '%$rare%'")"
dotnet "$bench" search "$provider" "$conn" 100 "budget" "transparence budget" "corruption" "الشفافية" "environnement" "$rare"

[ "${PAGES:-1}" = 1 ] || exit 0
echo "== pages: wrk, $connections connections, ${seconds} s each, after a warm-up"
start_app false
lower=$(echo "$sheet" | tr A-F a-f); plan=$(echo "$plan" | tr A-F a-f)
pages=("/health" "/" "/proposals" "/proposals?q=transparence%20budget" "/proposals/$busiest" "/sheets/$lower" "/plan/$plan" "/search?q=budget" "/search?q=corruption")
printf '%-42s %9s %7s %9s %9s  %s\n' page "req/s" "share" "p99 ms" "HTML KB" "load (1 min)"
health=""
for p in "${pages[@]}"; do
  url="http://127.0.0.1:$port$p"
  size=$(curl -s -o /dev/null -w '%{size_download}' "$url")
  wrk -t2 -c"$connections" -d2s "$url" >/dev/null 2>&1 || true   # warm-up
  out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "$url")
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; printf "%.1f", v}')
  errors=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
  [ -z "$health" ] && health=$rps
  share=$(python3 -c "print(f'{100*$rps/$health:.0f} %')")
  printf '%-42s %9s %7s %9s %9.1f  %s%s\n' "$p" "$rps" "$share" "$p99" "$(python3 -c "print($size/1024)")" "$(cut -d' ' -f1 /proc/loadavg)" "${errors:+  non-2xx: $errors}"
done
echo "== app peak RSS: $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' /proc/$app_pid/status)"
echo "== load after: $(uptime | sed 's/.*load average/load average/')"
