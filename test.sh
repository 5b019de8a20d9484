#!/usr/bin/env bash
# Runs every Planwerk test: unit and HTTP-level tests on SQLite and on a throw-away PostgreSQL
# cluster (started by the tests themselves from the machine's PostgreSQL binaries), and browser
# tests in Chromium. Installs Chromium first if it is missing. Ends with a one-line summary.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
    echo "Installing Chromium for the browser tests ..."
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && [ -z "${PLANWERK_TEST_POSTGRES:-}" ]; then
    echo "PostgreSQL binaries (initdb, pg_ctl) are missing; install the postgresql package or set PLANWERK_TEST_POSTGRES." >&2
    exit 1
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
dotnet build Planwerk.slnx --nologo 2>&1 | tee "$log" || status=$?
if [ "$status" -eq 0 ]; then
    # One project after the other: the browser tests wait for pages with timeouts, and the unit
    # tests running beside them on a small machine would make those timeouts a matter of luck.
    for project in tests/Planwerk.Tests tests/Planwerk.BrowserTests; do
        dotnet test "$project" --no-build --nologo "$@" 2>&1 | tee -a "$log" || status=$?
    done
fi

# One closing line over all test projects: "Tests: N passed, N failed, N skipped".
read -r passed failed skipped < <(grep -E '^(Passed|Failed)!' "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\2 \1 \3/' \
    | awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
echo
echo "Tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
    echo "No test ran." >&2
    exit 1
fi
exit "$status"
