#!/usr/bin/env bash
# Search benchmark of the help-service directory: 10,000 services with texts in German, English and Arabic on SQLite,
# searched with filters, uncached (every request has its own query string and the searches take turns), one request at
# a time: the HSDS API (/api/v1/municipalities/dresden/hsds/services?search=…&taxonomy_term_id=…&language=…), the public
# directory page (/dresden/services?q=…&district=…&language=…) if this build has it, and ServiceDirectoryQuery.FindAsync
# called directly; the bare web server (bench/Baseline) with the API answer's bytes in the same run. Then the same after
# SQLite's ANALYZE, to show what planner statistics change. Goal: p50 at most 30 ms.
# Prints Markdown tables with p50/p90/p99 and the server's CPU time per request (from /proc, so less dependent on the
# machine's load than the wall-clock figures). Usage: bench/services/run.sh [seconds per run, default 15] [services, default 10000]
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION="${1:-15}"
COUNT="${2:-10000}"
OUT="$(mktemp -d)"
PW_PORT=5193
BASE_PORT=5194
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

dotnet publish src/Planwerk -c Release -o "$OUT/planwerk" --nologo -v q >/dev/null
dotnet publish bench/Baseline -c Release -o "$OUT/baseline" --nologo -v q >/dev/null
dotnet publish bench/services -c Release -o "$OUT/seed" --nologo -v q >/dev/null

cleanup() { kill "${PW_PID:-}" "${BASE_PID:-}" 2>/dev/null || true; rm -rf "$OUT"; }
trap cleanup EXIT

start() { # environment [extra variable assignments]
    ( cd "$OUT/planwerk" && exec env ASPNETCORE_ENVIRONMENT="$1" "${@:2}" Planwerk__PublicAddress="http://127.0.0.1:$PW_PORT" \
        ConnectionStrings__Planwerk="Data Source=$OUT/bench.db" Logging__LogLevel__Default=Warning \
        dotnet Planwerk.dll --urls "http://127.0.0.1:$PW_PORT" ) >>"$OUT/planwerk.log" 2>&1 &
    PW_PID=$!
    for _ in $(seq 1 180); do curl -fs "http://127.0.0.1:$PW_PORT/health" >/dev/null 2>&1 && return; sleep 1; done
    echo "Planwerk did not start:" >&2; tail -20 "$OUT/planwerk.log" >&2; exit 1
}
stop() { kill "$PW_PID"; wait "$PW_PID" 2>/dev/null || true; }
DB="Data Source=$OUT/bench.db"

# The demo content (organisations, districts, topics) comes from a Development host; then the services; then Staging.
start Development Demo__Enabled=true
stop
dotnet "$OUT/seed/ServicesSeed.dll" seed sqlite "$DB" dresden "$COUNT"
start Staging

uid() { sqlite3 "$OUT/bench.db" "select lower(Uid) from ServiceTopics where Code = '$1'"; }
district() { sqlite3 "$OUT/bench.db" "select Id from Districts where Name = '$1'"; }
API=/api/v1/municipalities/dresden/hsds/services
cat >"$OUT/api.txt" <<PATHS
$API?search=Beratungen&taxonomy_term_id=$(uid counselling)&language=ar
$API?search=Kinder&taxonomy_term_id=$(uid health)&language=fa
$API?search=counselling%20housing&language=en
$API?search=%D8%A7%D8%B3%D8%AA%D8%B4%D8%A7%D8%B1%D8%A9&language=ar
$API?search=Sprachkurs%20Frauen&taxonomy_term_id=$(uid language)
$API?search=Zahnarzt&language=uk
PATHS
cat >"$OUT/page.txt" <<PATHS
/dresden/services?q=Beratungen&district=$(district Altstadt)&language=ar
/dresden/services?q=Kinder&district=$(district Neustadt)&language=fa
/dresden/services?q=counselling%20housing&language=en
/dresden/services?q=%D8%A7%D8%B3%D8%AA%D8%B4%D8%A7%D8%B1%D8%A9&language=ar
/dresden/services?q=Sprachkurs%20Frauen&district=$(district Pieschen)
/dresden/services?q=Zahnarzt&language=uk
PATHS
curl -fs "http://127.0.0.1:$PW_PORT$(head -1 "$OUT/api.txt")" -o "$OUT/api.json"
PAGE_STATUS=$(curl -s -o "$OUT/page.html" -w '%{http_code}' "http://127.0.0.1:$PW_PORT$(head -1 "$OUT/page.txt")")

( BENCH_BODY_FILE="$OUT/api.json" exec "$OUT/baseline/Baseline" --urls "http://127.0.0.1:$BASE_PORT" ) >"$OUT/baseline.log" 2>&1 &
BASE_PID=$!
for _ in $(seq 1 30); do curl -fs "http://127.0.0.1:$BASE_PORT/" >/dev/null 2>&1 && break; sleep 1; done

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
run() { # name base-url pid [paths file]
    local args=(-t1 -c1 -d"${DURATION}s" --latency --timeout 10s)
    if [ -n "${4:-}" ]; then args+=(-s bench/services/rotate.lua); fi
    BENCH_PATHS="${4:-}" wrk "${args[@]}" "$2" >/dev/null 2>&1 || true # warm-up run, discarded
    local before; before=$(ticks "$3")
    local r; r=$(BENCH_PATHS="${4:-}" wrk "${args[@]}" "$2")
    local after; after=$(ticks "$3")
    local count; count=$(echo "$r" | awk '/requests in/ {print $1}')
    local cpu; cpu=$(awk -v t=$((after - before)) -v n="$count" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f ms", (n > 0 ? t * 1000 / hz / n : 0) }')
    local p50 p90 p99 errors
    p50=$(echo "$r" | awk '$1=="50%" {print $2}'); p90=$(echo "$r" | awk '$1=="90%" {print $2}'); p99=$(echo "$r" | awk '$1=="99%" {print $2}')
    errors=$(echo "$r" | awk '/Non-2xx|Socket errors/ {print}' | tr '\n' ' ')
    printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$count" "$p50" "$p90" "$p99" "$cpu" "${errors:-none}"
}
table() { # title
    echo
    echo "$1"
    echo
    echo "| what | requests | p50 | p90 | p99 | server CPU per request | errors |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | --- |"
    run "bare web server, same bytes as an API answer ($(stat -c %s "$OUT/api.json") bytes)" "http://127.0.0.1:$BASE_PORT/" "$BASE_PID"
    run "HSDS API: search + taxonomy term or language, 6 searches in turn, uncached" "http://127.0.0.1:$PW_PORT" "$PW_PID" "$OUT/api.txt"
    if [ "$PAGE_STATUS" = 200 ]; then
        run "directory page: q + district or language, 6 searches in turn, uncached" "http://127.0.0.1:$PW_PORT" "$PW_PID" "$OUT/page.txt"
    else
        echo "| directory page /dresden/services: not in this build (answered $PAGE_STATUS) | | | | | | |"
    fi
}

echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(date -u '+%Y-%m-%d %H:%M UTC'); load average $(cut -d' ' -f1-3 /proc/loadavg); $COUNT services (+ the demo's), SQLite; wrk -t1 -c1 -d${DURATION}s"
table "### As installed (no planner statistics)"
stop
echo
dotnet "$OUT/seed/ServicesSeed.dll" measure sqlite "$DB" dresden 20 2>/dev/null
dotnet "$OUT/seed/ServicesSeed.dll" analyze sqlite "$DB" dresden
start Staging
table "### After ANALYZE (load average $(cut -d' ' -f1-3 /proc/loadavg))"
stop
echo
dotnet "$OUT/seed/ServicesSeed.dll" measure sqlite "$DB" dresden 20 2>/dev/null
echo
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
