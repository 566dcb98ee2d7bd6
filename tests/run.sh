#!/usr/bin/env bash
# Runs every test of the platform on a fresh machine of this kind: installs what is missing
# (PostgreSQL, Redis, RabbitMQ, Node.js; the npm packages of the independent gRPC peers), builds,
# tests, and prints one closing line.
set -euo pipefail
cd "$(dirname "$0")/.."

bash AppHost/install-prerequisites.sh
for node_package in tests/EndToEnd/node; do
  npm ci --prefix "$node_package" --no-audit --no-fund --loglevel=error
done

log=$(mktemp)
status=0
dotnet test MashPlatform.sln --nologo 2>&1 | tee "$log" || status=$?

# dotnet test prints one summary per test assembly; add them up into the line CI reads.
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "Tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
