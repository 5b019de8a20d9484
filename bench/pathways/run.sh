#!/usr/bin/env bash
# Finder benchmark of the integration pathways: 50 published pathways (three stages of three steps, steps naming five
# services each) and 10,000 help services on SQLite, the finder's result page asked uncached (every request has its own
# query string and six answer sets take turns), one request at a time; beside it the bare web server (bench/Baseline)
# sending a result page's bytes, in the same run. Goal: p50 at most 30 ms.
# Prints a Markdown table with p50/p90/p99 and the server's CPU time per request (from /proc, less dependent on the
# machine's load than the wall-clock figures).
# Usage: bench/pathways/run.sh [seconds per run, default 15] [services, default 10000] [pathways, default 50]
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION="${1:-15}"
COUNT="${2:-10000}"
PATHWAYS="${3:-50}"
OUT="$(mktemp -d)"
PW_PORT=5195
BASE_PORT=5196
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
command -v sqlite3 >/dev/null || { apt-get update -qq && apt-get install -y -qq sqlite3 >/dev/null; }

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

# The demo content (organisations, districts, topics, the plan's measures, its five pathways) from a Development host;
# then the services and the pathways through the application's DbContext; then a Staging host.
start Development Demo__Enabled=true
stop
dotnet "$OUT/seed/ServicesSeed.dll" seed sqlite "$DB" dresden "$COUNT"
dotnet "$OUT/seed/ServicesSeed.dll" pathways sqlite "$DB" dresden "$PATHWAYS"
start Staging

district() { sqlite3 "$OUT/bench.db" "select Id from Districts where Name = '$1'"; }
F=/dresden/pathways/finder
cat >"$OUT/finder.txt" <<PATHS
$F?situation=AsylumSeekers&age=27-64&children=no&district=$(district Altstadt)&lang=ar
$F?situation=TemporaryProtection&age=27-64&children=yes&lang=uk
$F?situation=RecognisedRefugees&age=18-26&children=no
$F?situation=AsylumSeekers&age=6-17&lang=ar
$F?situation=ToleratedPersons&age=27-64&children=yes&district=$(district Neustadt)
$F?situation=EuCitizens&age=65%2B&lang=en
PATHS
STATUS=$(curl -s -o "$OUT/finder.html" -w '%{http_code}' "http://127.0.0.1:$PW_PORT$(head -1 "$OUT/finder.txt")")
[ "$STATUS" = 200 ] || { echo "The finder answered $STATUS" >&2; exit 1; }
STEPS=$(grep -o 'class="pathway-step' "$OUT/finder.html" | wc -l)
SERVICES=$(grep -o 'class="step-service' "$OUT/finder.html" | wc -l)

( BENCH_BODY_FILE="$OUT/finder.html" exec "$OUT/baseline/Baseline" --urls "http://127.0.0.1:$BASE_PORT" ) >"$OUT/baseline.log" 2>&1 &
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

echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(date -u '+%Y-%m-%d %H:%M UTC'); load average $(cut -d' ' -f1-3 /proc/loadavg); $COUNT services and $PATHWAYS pathways (+ the demo's), SQLite; wrk -t1 -c1 -d${DURATION}s; first answer set shows $STEPS steps with $SERVICES services ($(stat -c %s "$OUT/finder.html") bytes)"
echo
echo "| what | requests | p50 | p90 | p99 | server CPU per request | errors |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | --- |"
run "bare web server, same bytes as a finder result page" "http://127.0.0.1:$BASE_PORT/" "$BASE_PID"
run "finder result page, 6 answer sets in turn, uncached" "http://127.0.0.1:$PW_PORT" "$PW_PID" "$OUT/finder.txt"
echo
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
