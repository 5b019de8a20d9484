#!/usr/bin/env bash
# Load benchmark: Planwerk's public pages and API against the bare web server (bench/Baseline)
# serving the same bytes, on this machine, in one run; and the dashboard of a plan of 6,600
# measures with 8 reporting periods (made by bench/dashboard). Needs wrk (installed if missing).
# Usage: bench/run.sh [seconds per run, default 15]. Prints a Markdown table; docs/performance.md
# records the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-15}"
OUT="$(mktemp -d)"
PW_PORT=5190
BASE_PORT=5191
DASH_BASE_PORT=5192
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

dotnet publish src/Planwerk -c Release -o "$OUT/planwerk" --nologo -v q >/dev/null
dotnet publish bench/Baseline -c Release -o "$OUT/baseline" --nologo -v q >/dev/null
dotnet publish bench/dashboard -c Release -o "$OUT/seed" --nologo -v q >/dev/null

cleanup() { kill "${PW_PID:-}" "${BASE_PID:-}" "${DASH_BASE_PID:-}" 2>/dev/null || true; rm -rf "$OUT"; }
trap cleanup EXIT

start() { # environment [extra variable assignments]
    ( cd "$OUT/planwerk" && exec env ASPNETCORE_ENVIRONMENT="$1" "${@:2}" Planwerk__PublicAddress="http://127.0.0.1:$PW_PORT" \
        ConnectionStrings__Planwerk="Data Source=$OUT/bench.db" Logging__LogLevel__Default=Warning \
        dotnet Planwerk.dll --urls "http://127.0.0.1:$PW_PORT" ) >>"$OUT/planwerk.log" 2>&1 &
    PW_PID=$!
    for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$PW_PORT/health" >/dev/null 2>&1 && return; sleep 1; done
    echo "Planwerk did not start:" >&2; tail -20 "$OUT/planwerk.log" >&2; exit 1
}

# Only a Development host adds the demo content (66 measures): start one to create it, then the plan of
# 6,600 measures for the dashboard beside it, then measure on a Staging host, as an installation runs.
start Development Demo__Enabled=true
kill "$PW_PID"; wait "$PW_PID" 2>/dev/null || true
BIG_ID=$(dotnet "$OUT/seed/DashboardSeed.dll" sqlite "Data Source=$OUT/bench.db" dresden)
start Staging

PLAN_ID=$(curl -fs "http://127.0.0.1:$PW_PORT/api/v1/municipalities/dresden/plans" | BIG_ID="$BIG_ID" python3 -c 'import json,os,sys; print([p["id"] for p in json.load(sys.stdin) if p["measureCount"]>0 and p["id"]!=int(os.environ["BIG_ID"])][0])')
PLAN="/dresden/plans/$PLAN_ID"
DASHBOARD="/dresden/plans/$BIG_ID/dashboard"
curl -fs "http://127.0.0.1:$PW_PORT$PLAN" -o "$OUT/plan.html"
curl -fs "http://127.0.0.1:$PW_PORT$DASHBOARD" -o "$OUT/dashboard.html"

( BENCH_BODY_FILE="$OUT/plan.html" exec "$OUT/baseline/Baseline" --urls "http://127.0.0.1:$BASE_PORT" ) >"$OUT/baseline.log" 2>&1 &
BASE_PID=$!
( BENCH_BODY_FILE="$OUT/dashboard.html" exec "$OUT/baseline/Baseline" --urls "http://127.0.0.1:$DASH_BASE_PORT" ) >>"$OUT/baseline.log" 2>&1 &
DASH_BASE_PID=$!
for port in $BASE_PORT $DASH_BASE_PORT; do
    for _ in $(seq 1 30); do curl -fs "http://127.0.0.1:$port/" >/dev/null 2>&1 && break; sleep 1; done
done

run() { # name url [lua] [connections, default 32]
    local connections="${4:-32}"
    local args=(-t"$(( connections < 2 ? 1 : 2 ))" -c"$connections" -d"${DURATION}s" --latency)
    if [ -n "${3:-}" ]; then args+=(-s "$3"); fi
    wrk "${args[@]}" --timeout 5s "$2" >/dev/null 2>&1 || true # warm-up run, discarded
    local r; r=$(wrk "${args[@]}" --timeout 5s "$2")
    local rps; rps=$(echo "$r" | awk '/Requests\/sec/ {print $2}')
    local p50; p50=$(echo "$r" | awk '$1=="50%" {print $2}')
    local p99; p99=$(echo "$r" | awk '$1=="99%" {print $2}')
    local errors; errors=$(echo "$r" | awk '/Non-2xx|Socket errors/ {print}' | tr '\n' ' ')
    printf '| %s | %s | %s | %s | %s |\n' "$1" "$rps" "$p50" "$p99" "${errors:-none}"
}

echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(date -u +%Y-%m-%d); load average $(cut -d' ' -f1-3 /proc/loadavg); page size $(stat -c %s "$OUT/plan.html") bytes, dashboard $(stat -c %s "$OUT/dashboard.html") bytes; wrk -t2 -c32 -d${DURATION}s unless said"
echo
echo "| what | requests/s | p50 | p99 | errors |"
echo "| --- | ---: | ---: | ---: | --- |"
run "bare web server, same bytes as the plan page" "http://127.0.0.1:$BASE_PORT/"
run "plan page (66 measures), output cache" "http://127.0.0.1:$PW_PORT$PLAN"
run "plan page (66 measures), rendered every time" "http://127.0.0.1:$PW_PORT$PLAN" bench/unique-query.lua
run "plan as JSON (/api/v1), output cache" "http://127.0.0.1:$PW_PORT/api/v1/municipalities/dresden/plans/$PLAN_ID"
run "plan as JSON (/api/v1), built every time" "http://127.0.0.1:$PW_PORT/api/v1/municipalities/dresden/plans/$PLAN_ID" bench/unique-query.lua
# The dashboard of 6,600 measures, rendered every time. One visitor at a time shows what a page costs (goal:
# p50 at most 100 ms); 32 at once show how many the machine serves.
run "bare web server, same bytes as the dashboard, 1 connection" "http://127.0.0.1:$DASH_BASE_PORT/" "" 1
run "dashboard (6,600 measures, 8 periods), rendered every time, 1 connection" "http://127.0.0.1:$PW_PORT$DASHBOARD" bench/unique-query.lua 1
run "dashboard (6,600 measures, 8 periods), rendered every time" "http://127.0.0.1:$PW_PORT$DASHBOARD" bench/unique-query.lua
