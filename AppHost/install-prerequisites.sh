#!/usr/bin/env bash
# Installs what the platform runs on and a fresh machine of this kind lacks: the Debian servers the
# AppHost starts as plain processes (PostgreSQL, Redis, RabbitMQ), Node.js for the independent
# gRPC peers in the tests, the time-zone database, Chromium for the board page's browser tests, and Aspire's orchestrator (dcp) and dashboard,
# which NuGet restores with the AppHost. Does little when everything is there.
set -euo pipefail

missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v redis-server >/dev/null || missing+=(redis-server)
ls /usr/lib/rabbitmq/lib/rabbitmq_server-*/sbin/rabbitmq-server >/dev/null 2>&1 || missing+=(rabbitmq-server)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
# The partnerships' time zones (Europe/London for the seeds' calendars) come from the system's tz database.
[ -e /usr/share/zoneinfo/Europe/London ] || missing+=(tzdata)
# The board page's browser tests drive Debian's Chromium headless (Playwright's own browser download needs the internet).
command -v chromium >/dev/null || missing+=(chromium)

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} ..."
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Aspire.Hosting.Orchestration and Aspire.Dashboard.Sdk (~310 MB) arrive with the AppHost's restore.
dotnet restore "$(dirname "$0")/AppHost.csproj" --verbosity quiet
