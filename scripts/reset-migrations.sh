#!/usr/bin/env bash
# Regenerates one clean "Initial" migration per provider (SQLite, PostgreSQL, SQL Server: see add-migration.sh) from the current model.
# Only for a database that has never been deployed (the project before its first release); afterwards use add-migration.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
find src/OpenGov.Web/Data/Migrations -name '*.cs' -delete
scripts/add-migration.sh Initial
