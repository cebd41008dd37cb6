#!/usr/bin/env bash
# Outbox delivery throughput (not a timed test): mails per second delivered through MailKit to a loopback SMTP sink by one
# and by two concurrent workers (instances) on one SQLite database, and the number of messages read back as sent.
# Usage: bench/mail-throughput.sh [mails per run, default 500]   (after `dotnet build OpenGov.sln -c Release`)
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp)
trap 'rm -f "$out"' EXIT
OPENGOV_BENCH_OUT="$out" OPENGOV_BENCH_MAILS="${1:-500}" dotnet test tests/OpenGov.IntegrationTests -c Release -nologo -v q --no-build \
  --filter "FullyQualifiedName~MailThroughputBench" | tail -n 1
cat "$out"
