#!/usr/bin/env bash
# Site search benchmark: seeds 100,000 public proposals into the search index and prints p50/p95 latencies of
#   (a) the query run directly against the database (the same FTS5 / tsvector SQL as SearchIndex.SearchAsync), and
#   (b) the full /search page served by the app (HTTP, rendering included).
# Target: p95 under 100 ms. SQLite always; PostgreSQL too when OPENGOV_BENCH_PG holds a connection string to an empty
# database, e.g. OPENGOV_BENCH_PG="Host=127.0.0.1;Port=5432;Username=postgres;Database=opengov_bench".
# Usage: bench/search.sh [rows=100000] [requests=200]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-100000}
requests=${2:-200}
work=$(mktemp -d /tmp/opengov-bench.XXXXXX)
app_pid=""
cleanup() { [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 ASPNETCORE_ENVIRONMENT=Production Https__Redirect=false Demo__Enabled=false Jobs__Enabled=false \
  RateLimiting__ApiPermitsPerMinute=100000

echo "== building (Release)"
dotnet build src/OpenGov.Web -c Release -nologo -v q >/dev/null
dll=src/OpenGov.Web/bin/Release/net10.0/OpenGov.Web.dll

# Words of the proposals: French (with accents) and Arabic, so both tokenizers are exercised, drawn from a Zipf-like
# vocabulary of ~4,000 words (real texts: a few words are frequent, most are rare), so a query matches a realistic share of them.
python3 - "$rows" > "$work/rows.tsv" <<'PY'
import random, sys
random.seed(42)
fr = ("transparence budget citoyen données ouvertes accès information intégrité corruption participation commune région "
      "santé éducation marché public déclaration patrimoine plateforme numérique consultation plainte justice environnement "
      "eau énergie jeunesse femmes handicap associations collectivités territoriales redevabilité dépense recettes").split()
ar = "الشفافية الميزانية المواطن المعطيات المفتوحة الحق المعلومات النزاهة الفساد المشاركة الجماعة الجهة الصحة التعليم".split()
syllables = "ba be bi bo da de di do ka ke ki ko la le li lo ma me mi mo na ne ni no ra re ri ro sa se si so ta te ti to".split()
filler = list({"".join(random.choice(syllables) for _ in range(random.randint(2, 4))) for _ in range(4000)})
vocab = filler[:60] + fr + ar + filler[60:]          # domain words sit at ranks 60-110
weights = [1.0 / (rank + 1) for rank in range(len(vocab))]
for i in range(int(sys.argv[1])):
    words = random.choices(vocab, weights, k=80)
    title = " ".join(random.choices(vocab, weights, k=6)).capitalize()
    print(f"proposal\tbench-{i}\t{title}\t{' '.join(words)}\t/proposals/bench-{i}")
PY

queries=("budget citoyen" "transparence" "الشفافية" "depense publique" "integrite corruption" "données ouvertes région")

percentiles() { sort -n | awk '{a[NR]=$1} END {p50=a[int(NR*0.5)+(NR%2)]; p95=a[int(NR*0.95)]; if(p95=="")p95=a[NR]; printf "p50 %.1f ms  p95 %.1f ms  (n=%d)\n", p50, p95, NR}'; }

http_bench() { # base url
  local base=$1
  for q in "${queries[@]}"; do curl -s -o /dev/null -G "$base/search" --data-urlencode "q=$q"; done # warm-up
  for i in $(seq 1 "$requests"); do
    q=${queries[$((i % ${#queries[@]}))]}
    curl -s -o /dev/null -w '%{time_total}\n' -G "$base/search" --data-urlencode "q=$q"
  done | awk '{printf "%.3f\n", $1*1000}' | percentiles
}

start_app() { # provider connection-string
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  Database__Provider=$1 ConnectionStrings__OpenGov=$2 ASPNETCORE_URLS="http://127.0.0.1:$port" dotnet "$dll" >"$work/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
  echo "http://127.0.0.1:$port"
}

stop_app() { kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; app_pid=""; }

# ---- SQLite -------------------------------------------------------------------------------------------
db="$work/bench.db"
echo "== SQLite: migrating and seeding $rows proposals"
Database__Provider=Sqlite ConnectionStrings__OpenGov="Data Source=$db" dotnet "$dll" migrate >/dev/null
python3 - "$db" "$work/rows.tsv" <<'PY'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
with open(sys.argv[2], encoding="utf-8") as f:
    rows = [l.rstrip("\n").split("\t") for l in f]
con.executemany("INSERT INTO SearchEntries (Kind, Key, Title, Body, Url, UpdatedAt) VALUES (?, ?, ?, ?, ?, '2026-11-21 10:00:00')", rows)
con.commit()
con.execute("INSERT INTO SearchEntriesFts(SearchEntriesFts) VALUES ('optimize')")
con.commit()
PY
echo "-- SQLite, direct query (FTS5 MATCH + bm25, limit 100, then snippets for those 100 only):"
python3 - "$db" "$requests" "${queries[@]}" <<'PY' | percentiles
import sqlite3, sys, time, re
con = sqlite3.connect(sys.argv[1]); n = int(sys.argv[2]); queries = sys.argv[3:]
sql = """SELECT e.Kind, e.Key, e.Title, e.Url, snippet(SearchEntriesFts, 1, char(1), char(2), '…', 24), t.Rank
         FROM (SELECT m.rowid AS Id, -bm25(SearchEntriesFts, 10.0, 1.0) AS Rank FROM SearchEntriesFts m
               WHERE SearchEntriesFts MATCH ? ORDER BY Rank DESC, m.rowid DESC LIMIT 100) t
         JOIN SearchEntriesFts ON SearchEntriesFts.rowid = t.Id JOIN SearchEntries e ON e.Id = t.Id
         WHERE SearchEntriesFts MATCH ? ORDER BY t.Rank DESC, t.Id DESC"""
def fts(q): return " ".join(f'"{t}"*' for t in re.findall(r"\w+", q))
for i in range(n):
    q = fts(queries[i % len(queries)]); t = time.perf_counter(); con.execute(sql, (q, q)).fetchall()
    print((time.perf_counter() - t) * 1000)
PY
base=$(start_app Sqlite "Data Source=$db")
echo "-- SQLite, GET /search through the app:"
http_bench "$base"
stop_app

# ---- PostgreSQL (optional) ------------------------------------------------------------------------------
if [ -n "${OPENGOV_BENCH_PG:-}" ]; then
  echo "== PostgreSQL: migrating and seeding $rows proposals"
  Database__Provider=Postgres ConnectionStrings__OpenGov="$OPENGOV_BENCH_PG" dotnet "$dll" migrate >/dev/null
  psql_conn=$(python3 -c 'import sys; d=dict(p.split("=",1) for p in sys.argv[1].split(";") if p); print(f"host={d.get(\"Host\",\"localhost\")} port={d.get(\"Port\",5432)} user={d.get(\"Username\",\"postgres\")} dbname={d.get(\"Database\",\"postgres\")}" + (f" password={d[\"Password\"]}" if "Password" in d else ""))' "$OPENGOV_BENCH_PG")
  psql "$psql_conn" -q -c "\\copy \"SearchEntries\" (\"Kind\", \"Key\", \"Title\", \"Body\", \"Url\") FROM '$work/rows.tsv'" -c 'ANALYZE "SearchEntries";' 2>/dev/null \
    || { awk -F'\t' '{print $0"\t2026-11-21 10:00:00+00"}' "$work/rows.tsv" > "$work/rows-pg.tsv";
         psql "$psql_conn" -q -c "\\copy \"SearchEntries\" (\"Kind\", \"Key\", \"Title\", \"Body\", \"Url\", \"UpdatedAt\") FROM '$work/rows-pg.tsv'" -c 'ANALYZE "SearchEntries";'; }
  echo "-- PostgreSQL, direct query (tsvector @@ + ts_rank + ts_headline, limit 100; server execution time):"
  for i in $(seq 1 "$requests"); do
    q=${queries[$((i % ${#queries[@]}))]}
    tsq=$(python3 -c 'import re,sys; print(" & ".join(t+":*" for t in re.findall(r"\w+", sys.argv[1])))' "$q")
    psql "$psql_conn" -At -c "EXPLAIN (ANALYZE, FORMAT TEXT) SELECT e.\"Kind\", e.\"Key\", e.\"Title\", e.\"Url\",
        ts_headline('opengov', e.\"Body\", q, 'MaxWords=30, MinWords=12, MaxFragments=1'), ts_rank(e.\"SearchVector\", q) AS r
        FROM \"SearchEntries\" e, to_tsquery('opengov', '$tsq') q WHERE e.\"SearchVector\" @@ q ORDER BY r DESC, e.\"Id\" DESC LIMIT 100" \
      | sed -nE 's/^Execution Time: ([0-9.]+) ms/\1/p'
  done | percentiles
  base=$(start_app Postgres "$OPENGOV_BENCH_PG")
  echo "-- PostgreSQL, GET /search through the app:"
  http_bench "$base"
  stop_app
else
  echo "(PostgreSQL skipped: set OPENGOV_BENCH_PG to a connection string of an empty database to include it)"
fi
echo "Target: p95 < 100 ms."
