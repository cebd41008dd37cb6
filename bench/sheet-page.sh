#!/usr/bin/env bash
# Measures the commitment-sheet page with 1,000 comments: SQL commands per request (must stay bounded, independent of the
# number of comments) via the integration test that counts them, then response times against a running demo site.
# Usage: bench/sheet-page.sh [base-url]   (default http://localhost:5000; start it with `dotnet run --project src/OpenGov.Web`)
set -euo pipefail
cd "$(dirname "$0")/.."
base="${1:-http://localhost:5000}"

echo "== bounded queries (10 vs 1,000 comments, SQLite)"
dotnet test tests/OpenGov.IntegrationTests -nologo -v q \
  --filter "FullyQualifiedName~SheetsTests_Sqlite.The_sheet_page_needs_the_same_few_queries_for_10_or_1000_comments" | tail -n 2

echo "== response time of the demo sheets (the revised sheet has the longest trail)"
if ! curl -fsS -o /dev/null "$base/sheets"; then echo "no site at $base: skipped"; exit 0; fi
ids=$(curl -fsS "$base/sheets" | grep -oE '/sheets/[0-9a-f-]{36}' | sort -u | head -n 5)
for path in $ids; do
  total=0
  for i in $(seq 1 20); do
    t=$(curl -fsS -o /dev/null -w '%{time_total}' "$base$path")
    total=$(python3 -c "print($total + $t)")
  done
  python3 -c "print(f'$path  mean {($total / 20) * 1000:.1f} ms over 20 requests')"
done
