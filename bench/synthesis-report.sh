#!/usr/bin/env bash
# The synthesis report of a cycle with many ideas (default 20,000), on SQLite: seeds the ideas through SQL (bench/seed.py) into
# the 2024 demo cycle, reads their count back from the database, then measures the DOCX download computed in the request
# (the only path before background exports) and, when the build has them, the background path: the request's time (a
# redirect to the export page) and the job's time until the file is ready; in both configurations the HTML report page
# (three runs after a warm-up). Prints times, sizes, the DOCX paragraph count and the ideas the page lists.
# A git ref as second argument measures that commit instead (built in a temporary worktree under /tmp), e.g. `main`.
# Not part of the test suite. Usage: bench/synthesis-report.sh [ideas=20000] [git-ref]
set -euo pipefail
cd "$(dirname "$0")/.."
ideas=${1:-20000}; ref=${2:-}
work=$(mktemp -d /tmp/opengov-synthesis.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
app_pid=""; tree="$PWD"
cleanup() { if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  if [ -n "$ref" ]; then git worktree remove --force "$work/src" >/dev/null 2>&1 || true; fi; rm -rf "$work"; }
trap cleanup EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [ -n "$ref" ]; then git worktree add --detach "$work/src" "$ref" >/dev/null 2>&1; tree="$work/src"; fi
echo "== $(git -C "$tree" log -1 --format='%h %s' | cut -c1-90)"
echo "== machine: $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet build "$tree/src/OpenGov.Web" -c Release -nologo -v q >/dev/null
web="$tree/src/OpenGov.Web/bin/Release/net10.0/OpenGov.Web.dll"
conn="Data Source=$work/bench.db"
sql() { python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); r=c.execute(sys.argv[2]).fetchall(); c.commit(); print("\n".join("|".join(str(v) for v in row) for row in r))' "$work/bench.db" "$1"; }
start_app() {
  ASPNETCORE_ENVIRONMENT=Staging ASPNETCORE_URLS="http://127.0.0.1:$port" Site__PublicBaseUrl="http://127.0.0.1:$port" \
  Database__Provider=Sqlite ConnectionStrings__OpenGov="$conn" Demo__Enabled=$1 Reports__BackgroundThreshold=$2 \
  Mail__PickupDirectory="$work/mail" Https__Redirect=false Jobs__Enabled=false Notifications__WorkerEnabled=true \
  Logging__LogLevel__Default=Warning dotnet "$web" --contentRoot "$tree/src/OpenGov.Web" >"$work/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "the app did not start:"; cat "$work/app.log"; exit 1
}
stop_app() { kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; app_pid=""; }

start_app true 1000000000; stop_app
cycle=$(sql "SELECT Id FROM Cycles WHERE PlanStartYear = 2024 LIMIT 1")
axes=$(sql "SELECT Id FROM CycleAxes WHERE CycleId = '$cycle'" | paste -sd, -)
sheet=$(sql "SELECT Id FROM Sheets WHERE CurrentVersion > 0 ORDER BY Id LIMIT 1")
python3 bench/seed.py "$work" "$ideas" 0 0 "$cycle" "$axes" "$sheet"
P="Id CycleId AuthorUserId AuthorDisplayName SubmitterType Title Problem Solution AxisId Region ExpectedImpact Status CreatedAt UpdatedAt SubmittedAt PublishedAt IsHidden ReportCount SupportCount CommentCount"
python3 - "$work" "$P" <<'PY'
import sqlite3, sys, os
w, cols = sys.argv[1], sys.argv[2].split(); con = sqlite3.connect(os.path.join(w, "bench.db"))
with open(os.path.join(w, "proposals.tsv"), encoding="utf-8") as fh:
    con.executemany(f"INSERT INTO Proposals ({','.join(cols)}) VALUES ({','.join('?' * len(cols))})", (l.rstrip("\n").split("\t") for l in fh))
con.commit(); con.execute("ANALYZE"); con.commit()
PY
lower=$(echo "$cycle" | tr A-F a-f)
echo "== public ideas of the cycle (read back from the database): $(sql "SELECT count(*) FROM Proposals WHERE CycleId = '$cycle' AND Status = 2 AND IsHidden = 0")"

# The HTML report page (not output-cached: every request renders it): one warm-up, then three runs; the ideas it lists
# and its figure of public ideas.
measure_html() {
  curl -fs -o /dev/null "http://127.0.0.1:$port/cycles/$lower/report" || true
  for i in 1 2 3; do
    h=$(curl -fs -o "$work/r.html" -w '%{time_total}' "http://127.0.0.1:$port/cycles/$lower/report")
    listed=$(grep -c 'data-testid="report-idea"' "$work/r.html" || true)
    figure=$(grep -oE 'data-figure="ideas">[0-9]+' "$work/r.html" | grep -oE '[0-9]+$' || true)
    echo "   HTML report page run $i: $(python3 -c "print(f'{$h:.2f} s')"), $(( $(stat -c %s "$work/r.html") / 1024 )) KB, $listed ideas listed, figure 'ideas' = $figure"
  done
}
paragraphs() { python3 -c 'import sys,zipfile,re; x=zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode(); print(len(re.findall(r"<w:p[ >]", x)))' "$1"; }
measure_inline() {
  start_app false 1000000000
  curl -fs -o /dev/null "http://127.0.0.1:$port/cycles/$lower/report.docx" || true # warm-up (JIT, caches)
  for i in 1 2 3; do
    t=$(curl -fs -o "$work/r.docx" -w '%{time_total}' "http://127.0.0.1:$port/cycles/$lower/report.docx")
    echo "   inline DOCX run $i: $(python3 -c "print(f'{$t:.2f} s')"), $(( $(stat -c %s "$work/r.docx") / 1024 )) KB, $(paragraphs "$work/r.docx") paragraphs"
  done
  measure_html
  stop_app
}
echo "== DOCX computed in the request"
measure_inline
if grep -q BackgroundThreshold "$tree/src/OpenGov.Consultation/Reports/ReportExportOptions.cs" 2>/dev/null; then
  echo "== background export (threshold 2,000 ideas)"
  start_app false 2000
  for i in 1 2; do
    t=$(curl -s -o /dev/null -w '%{time_total} %{redirect_url}' "http://127.0.0.1:$port/cycles/$lower/report.docx?culture=$([ $i = 1 ] && echo fr || echo en)")
    url=${t#* }; start=$(date +%s.%N)
    until curl -fs "$url" | grep -q 'data-status="Ready"'; do sleep 0.2; done
    done_at=$(date +%s.%N)
    file=$(curl -fs "$url" | grep -oE 'href="[^"]*handler=file"' | sed 's/href="//; s/"$//; s/&amp;/\&/g')
    curl -fs -o "$work/b.docx" "http://127.0.0.1:$port$file"
    echo "   run $i: request $(python3 -c "print(f'{${t%% *}*1000:.0f} ms')") (redirect), file ready after $(python3 -c "print(f'{$done_at-$start:.1f} s')"), $(( $(stat -c %s "$work/b.docx") / 1024 )) KB"
  done
  measure_html
  stop_app
fi
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
