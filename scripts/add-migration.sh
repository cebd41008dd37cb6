#!/usr/bin/env bash
# Adds a migration named $1 to every DbContext, one migrations set per provider (SQLite, PostgreSQL and SQL Server).
# Usage: scripts/add-migration.sh AddProposals
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: scripts/add-migration.sh MigrationName}"
dotnet tool restore >/dev/null
dotnet build tools/OpenGov.DesignTime -nologo -v q
for provider in Sqlite Postgres SqlServer; do
  dotnet tool run dotnet-ef migrations add "$name" \
    --no-build \
    --project src/OpenGov.Web \
    --startup-project tools/OpenGov.DesignTime \
    --context "${provider}AppDbContext" \
    --output-dir "Data/Migrations/$provider"
done
