#!/usr/bin/env bash
# Import benchmark: times the import of a 10,000-measure table (CSV and XLSX) into an empty plan on
# SQLite and on a throw-away PostgreSQL cluster made with the machine's PostgreSQL binaries (as the
# tests do). Usage: bench/import/run.sh [measures, default 10000] [runs per format, default 3].
# Prints one Markdown table per database; docs/import-export.md records the figures.
set -euo pipefail
cd "$(dirname "$0")"
COUNT="${1:-10000}"
RUNS="${2:-3}"
WORK="$(mktemp -d)"
# The PostgreSQL server runs as the postgres user, which must reach its folder inside this one.
chmod 755 "$WORK"
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
cleanup() {
    if [ -n "${PG_DATA:-}" ] && [ -f "$PG_DATA/postmaster.pid" ]; then as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w stop >/dev/null 2>&1 || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

dotnet publish ImportBench.csproj -c Release -o "$WORK/bench" --nologo -v q >/dev/null

echo "Load average before the run: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared; figures vary with it)"
echo
echo "### SQLite"
echo
dotnet "$WORK/bench/ImportBench.dll" sqlite "Data Source=$WORK/bench.db" "$COUNT" "$RUNS"
echo

if [ -z "$PG_BIN" ]; then
    echo "PostgreSQL binaries not found under /usr/lib/postgresql/*/bin; PostgreSQL skipped." >&2
    exit 0
fi
PG_DATA="$WORK/pg/data"
mkdir -p "$WORK/pg"
[ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$WORK/pg"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --no-locale --no-sync >/dev/null
# The same settings as the test cluster: durability off, so the figures are the work, not the disk.
as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$WORK/pg/server.log" -w -t 60 \
    -o "-p $PORT -k $WORK/pg -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
echo "### PostgreSQL ($("$PG_BIN/postgres" --version | awk '{print $3}'), fsync off)"
echo
dotnet "$WORK/bench/ImportBench.dll" postgres "Host=127.0.0.1;Port=$PORT;Username=postgres;Database=postgres" "$COUNT" "$RUNS"
