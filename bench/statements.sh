#!/usr/bin/env bash
# Statements sent by 100 clients at once (issue "speed on one machine": ≥ 300/s on SQLite, ≥ 1,000/s on PostgreSQL, every
# statement stored and every receipt number unique, counted after the run). For each database: the demo content (Development
# host, once), the participation seed of bench/dashboard (a round open to residents), then a Staging host as an installation
# runs it; the demo's reporting account signs in, loads the form once and posts it from 100 connections (bench/post-form.lua).
# PostgreSQL is a throw-away cluster made with the machine's binaries as bench/import/run.sh makes it, with fsync,
# synchronous_commit and full_page_writes off (the figure is the work, not the disk; say so beside it). SQLite keeps its
# defaults (write-ahead log, synchronous FULL). No mail server: each receipt mail fails and is logged, as without one.
# Usage: bench/statements.sh [seconds, default 10] [sqlite|postgres|both, default both]
# Prints Markdown table rows (| what | figure | goal | met |); bench/goals.sh prints them in its table.
# PUBLISHED=<folder> reuses a publish with planwerk/ and seed/ in it (bench/goals.sh passes its own).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-10}"
WHICH="${2:-both}"
WORK="$(mktemp -d)"
chmod 755 "$WORK"
PW_PORT=5195
URL="http://127.0.0.1:$PW_PORT"
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
    kill "${PW_PID:-}" 2>/dev/null || true
    if [ -n "${PG_DATA:-}" ] && [ -f "$PG_DATA/postmaster.pid" ]; then as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w stop >/dev/null 2>&1 || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

PUB="${PUBLISHED:-}"
if [ -z "$PUB" ]; then
    PUB="$WORK"
    dotnet publish src/Planwerk -c Release -o "$PUB/planwerk" --nologo -v q >/dev/null
    dotnet publish bench/dashboard -c Release -o "$PUB/seed" --nologo -v q >/dev/null
fi

launch() { # environment provider connection [extra variable assignments]
    ( cd "$PUB/planwerk" && exec env ASPNETCORE_ENVIRONMENT="$1" "${@:4}" Planwerk__PublicAddress="$URL" \
        Database__Provider="$2" ConnectionStrings__Planwerk="$3" Logging__LogLevel__Default=Warning \
        RateLimits__ParticipationWritesPerMinute=100000000 \
        dotnet Planwerk.dll --urls "$URL" ) >>"$WORK/planwerk.log" 2>&1 &
    PW_PID=$!
}
wait_for() { # url
    for _ in $(seq 1 1200); do curl -fs -o /dev/null "$1" 2>/dev/null && return; sleep 0.05; done
    echo "Planwerk did not answer $1:" >&2; tail -20 "$WORK/planwerk.log" >&2; exit 1
}
stop() { kill "$PW_PID"; wait "$PW_PID" 2>/dev/null || true; }
at_least() { python3 -c "import sys; print('yes' if float(sys.argv[1]) >= float(sys.argv[2]) else '**no**')" "$1" "$2"; }
token() { python3 -c 'import re,sys; print(re.search(r"name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"", sys.stdin.read()).group(1))'; }

# One row: seeds the database, starts Staging, signs in, posts from 100 connections, counts what was stored.
statement_row() { # label provider connection goal
    local label="$1" provider="$2" connection="$3" goal="$4" seed_provider
    seed_provider=$(echo "$provider" | tr '[:upper:]' '[:lower:]')
    launch Development "$provider" "$connection" Demo__Enabled=true
    wait_for "$URL/health"
    stop
    local rounds open
    rounds=$(dotnet "$PUB/seed/DashboardSeed.dll" "$seed_provider" "$connection" dresden participation 2>/dev/null)
    open=${rounds#* }
    launch Staging "$provider" "$connection"
    wait_for "$URL/health"
    local jar="$WORK/cookies-$seed_provider" login form form_token
    login=$(curl -fs -c "$jar" -b "$jar" "$URL/account/login" | token)
    curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Input.Email=bericht@planwerk.example" --data-urlencode "Input.Password=Demo-Planwerk-2019" \
        --data-urlencode "__RequestVerificationToken=$login" "$URL/account/login"
    form="/dresden/consultations/$open/statements/new"
    form_token=$(curl -fs -c "$jar" -b "$jar" "$URL$form" | token)
    BENCH_COOKIE=$(awk -F'\t' 'NF >= 7 && $6 != "" {printf "%s%s=%s", sep, $6, $7; sep="; "}' "$jar")
    BENCH_BODY="Input.Target=WholePlan&Input.OnBehalf=personal&Input.Text=Eine+Stellungnahme+zur+Sprachf%C3%B6rderung.&__RequestVerificationToken=$(python3 -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$form_token")"
    export BENCH_COOKIE BENCH_BODY
    wrk -t2 -c100 -d2s --timeout 10s -s bench/post-form.lua "$URL$form" >/dev/null 2>&1 || true
    local before after unique posts p50 p99 sent bad
    read -r before _ <<<"$(dotnet "$PUB/seed/DashboardSeed.dll" "$seed_provider" "$connection" dresden statements "$open" 2>/dev/null)"
    read -r posts p50 p99 sent bad < <(wrk -t2 -c100 -d"${DURATION}s" --latency --timeout 10s -s bench/post-form.lua "$URL$form" | python3 bench/wrk-figures.py)
    read -r after unique <<<"$(dotnet "$PUB/seed/DashboardSeed.dll" "$seed_provider" "$connection" dresden statements "$open" 2>/dev/null)"
    stop
    local stored=$(( after - before )) ok
    ok="$(at_least "$posts" "$goal")$([ "$stored" -ge "$sent" ] || echo ', **not all stored**')$([ "$unique" = "$after" ] || echo ', **receipts not unique**')"
    printf '| %s (%s answered, %s stored, refused %s, receipts unique: %s; p50 %s ms, p99 %s ms) | %s statements/s | ≥ %s/s, every one stored | %s |\n' \
        "$label" "$sent" "$stored" "$bad" "$([ "$unique" = "$after" ] && echo yes || echo NO)" "$p50" "$p99" "$posts" "$(printf "%'d" "$goal")" "$ok"
}

if [ "$WHICH" != postgres ]; then
    statement_row "statements sent by 100 clients at once, SQLite" Sqlite "Data Source=$WORK/statements.db" 300
fi
if [ "$WHICH" != sqlite ]; then
    if [ -z "$PG_BIN" ]; then
        echo "| statements sent by 100 clients at once, PostgreSQL | (no PostgreSQL binaries under /usr/lib/postgresql/*/bin) | ≥ 1,000/s | |"
        exit 0
    fi
    PG_DATA="$WORK/pg/data"
    mkdir -p "$WORK/pg"
    [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$WORK/pg"
    PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --no-locale --no-sync >/dev/null
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$WORK/pg/server.log" -w -t 60 \
        -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
    statement_row "statements sent by 100 clients at once, PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') (fsync off)" Postgres \
        "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=planwerk" 1000
fi
