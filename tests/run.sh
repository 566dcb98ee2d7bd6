#!/usr/bin/env bash
# Runs every test of the platform on a fresh machine of this kind: installs what is missing
# (npm packages for the independent gRPC peer), builds, tests, and prints one closing line.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm
fi
npm ci --prefix tests/Interop/node --no-audit --no-fund --loglevel=error

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
