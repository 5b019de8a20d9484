#!/usr/bin/env bash
# Load benchmark: Planwerk's public pages and API against the bare web server (bench/Baseline)
# serving the same bytes, on this machine, in one run. Needs wrk (installed if missing).
# Usage: bench/run.sh [seconds per run, default 15]. Prints a Markdown table; docs/performance.md
# records the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-15}"
OUT="$(mktemp -d)"
PW_PORT=5190
BASE_PORT=5191
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

dotnet publish src/Planwerk -c Release -o "$OUT/planwerk" --nologo -v q >/dev/null
dotnet publish bench/Baseline -c Release -o "$OUT/baseline" --nologo -v q >/dev/null

cleanup() { kill "${PW_PID:-}" "${BASE_PID:-}" 2>/dev/null || true; rm -rf "$OUT"; }
trap cleanup EXIT

# Staging: a non-development host, which may take demo content (Production never does).
( cd "$OUT/planwerk" && ASPNETCORE_ENVIRONMENT=Staging Demo__Enabled=true \
    ConnectionStrings__Planwerk="Data Source=$OUT/bench.db" Logging__LogLevel__Default=Warning \
    exec dotnet Planwerk.dll --urls "http://127.0.0.1:$PW_PORT" ) >"$OUT/planwerk.log" 2>&1 &
PW_PID=$!
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$PW_PORT/health" >/dev/null 2>&1 && break; sleep 1; done

PLAN_ID=$(curl -fs "http://127.0.0.1:$PW_PORT/api/v1/municipalities/dresden/plans" | python3 -c 'import json,sys; print([p["id"] for p in json.load(sys.stdin) if p["measureCount"]>0][0])')
PLAN="/dresden/plans/$PLAN_ID"
curl -fs "http://127.0.0.1:$PW_PORT$PLAN" -o "$OUT/plan.html"

( BENCH_BODY_FILE="$OUT/plan.html" exec "$OUT/baseline/Baseline" --urls "http://127.0.0.1:$BASE_PORT" ) >"$OUT/baseline.log" 2>&1 &
BASE_PID=$!
for _ in $(seq 1 30); do curl -fs "http://127.0.0.1:$BASE_PORT/" >/dev/null 2>&1 && break; sleep 1; done

run() { # name url [lua]
    local args=(-t2 -c32 -d"${DURATION}s" --latency)
    if [ -n "${3:-}" ]; then args+=(-s "$3"); fi
    wrk "${args[@]}" --timeout 5s "$2" >/dev/null 2>&1 || true # warm-up run, discarded
    local r; r=$(wrk "${args[@]}" --timeout 5s "$2")
    local rps; rps=$(echo "$r" | awk '/Requests\/sec/ {print $2}')
    local p50; p50=$(echo "$r" | awk '$1=="50%" {print $2}')
    local p99; p99=$(echo "$r" | awk '$1=="99%" {print $2}')
    local errors; errors=$(echo "$r" | awk '/Non-2xx|Socket errors/ {print}' | tr '\n' ' ')
    printf '| %s | %s | %s | %s | %s |\n' "$1" "$rps" "$p50" "$p99" "${errors:-none}"
}

echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(date -u +%Y-%m-%d); page size $(stat -c %s "$OUT/plan.html") bytes; wrk -t2 -c32 -d${DURATION}s"
echo
echo "| what | requests/s | p50 | p99 | errors |"
echo "| --- | ---: | ---: | ---: | --- |"
run "bare web server, same bytes as the plan page" "http://127.0.0.1:$BASE_PORT/"
run "plan page (66 measures), output cache" "http://127.0.0.1:$PW_PORT$PLAN"
run "plan page (66 measures), rendered every time" "http://127.0.0.1:$PW_PORT$PLAN" bench/unique-query.lua
run "plan as JSON (/api/v1), output cache" "http://127.0.0.1:$PW_PORT/api/v1/municipalities/dresden/plans/$PLAN_ID"
run "plan as JSON (/api/v1), built every time" "http://127.0.0.1:$PW_PORT/api/v1/municipalities/dresden/plans/$PLAN_ID" bench/unique-query.lua
