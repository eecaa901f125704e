#!/usr/bin/env bash
# Adds an EF Core migration named NAME for each provider (SQLite, PostgreSQL, SQL Server), each into its own
# folder Approval.Api/Persistence/Migrations/<Provider>. No database server is needed.
#   scripts/add-migration.sh AddCaseTables
set -euo pipefail

NAME=${1:?usage: scripts/add-migration.sh NAME}
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

dotnet tool restore >/dev/null
dotnet build Approval.Api --nologo -v quiet -clp:NoSummary
for provider in Sqlite PostgreSql SqlServer; do
    echo "== $provider"
    dotnet ef migrations add "$NAME" --no-build \
        --project Approval.Api \
        --context "${provider}ApprovalDbContext" \
        --output-dir "Persistence/Migrations/$provider"
done
