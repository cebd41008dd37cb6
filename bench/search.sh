#!/usr/bin/env bash
# The site search alone (SearchIndex.SearchAsync: common, mid and rare French/Arabic words) over a Zipf-like corpus, seeded
# through SQL by bench/run.sh, which prints the counts it measured and the machine load. Targets: p95 <= 50 ms at 100,000
# ideas on SQLite, <= 100 ms at 1,000,000 on PostgreSQL (a throwaway cluster, or OPENGOV_BENCH_PG).
# Usage: bench/search.sh [sqlite|postgres] [ideas=100000]
set -euo pipefail
cd "$(dirname "$0")/.."
PAGES=0 exec bench/run.sh "${1:-sqlite}" 10 64 "${2:-100000}" 0 0
