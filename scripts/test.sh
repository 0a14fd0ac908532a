#!/usr/bin/env bash
# The whole test suite: unit, database (SQLite and PostgreSQL), LDAP (slapd),
# mail (SMTP), SCEP, openssl, bsdtar and the browser tests against the demo.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-system-packages.sh

# Database tests run on SQLite and on this PostgreSQL; there is no Docker here.
export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-postgresql://postgres@127.0.0.1:5432}"
export BACKSTAGE_TEST_DISABLE_DOCKER=1
# Run every test once (backstage-cli watches changed files only when CI is unset).
export CI="${CI:-true}"

echo "== type check and lint"
npx tsc --noEmit -p .
npx backstage-cli repo lint

echo "== unit, database, LDAP and mail tests"
npx backstage-cli repo test "$@"

echo "== replicas and faults: the demo backend as processes on PostgreSQL, services stopped under it"
npm run --silent test:faults

echo "== end-to-end tests against the demo in Chromium"
npm run --silent test:e2e
