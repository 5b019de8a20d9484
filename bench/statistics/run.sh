#!/usr/bin/env bash
# Benchmark of a dataset page with 10,000 figures (10 categories × 1,000 days) on SQLite: the public page
# /dresden/statistics/belegung — chart (one line per category), summary and the full table — rendered uncached (every
# request has its own query string), one request at a time, beside the bare web server (bench/Baseline) answering the
# page's bytes. Goal: p50 at most 50 ms. Prints a Markdown table with p50/p90/p99 and the server's CPU time per request.
# Usage: bench/statistics/run.sh [seconds per run, default 15]
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION="${1:-15}"
OUT="$(mktemp -d)"
PW_PORT=5195
BASE_PORT=5196
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
command -v sqlite3 >/dev/null || { apt-get update -qq && apt-get install -y -qq sqlite3 >/dev/null; }

dotnet publish src/Planwerk -c Release -o "$OUT/planwerk" --nologo -v q >/dev/null
dotnet publish bench/Baseline -c Release -o "$OUT/baseline" --nologo -v q >/dev/null

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

# The demo municipality comes from a Development host; the dataset is written straight into the database.
start Development Demo__Enabled=true
stop
sqlite3 "$OUT/bench.db" <<'SQL'
INSERT INTO StatisticsDatasets (MunicipalityId, Code, Title, Description, Unit, SourceName, SourceUrl, Licence, Publisher, Keywords,
    Frequency, PeriodKind, CategoryLabel, ChartKind, IsPublic, CreatedAt, ModifiedAt, Version)
SELECT Id, 'belegung', 'Belegung der Unterkünfte je Tag', 'Benchmark: 10 Unterkünfte über 1.000 Tage.', 'Personen', 'Sozialamt', '', 'dl-by-de/2.0', '', '',
    'Irregular', 'Day', 'Unterkunft', 'Automatic', 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00', 1 FROM Municipalities WHERE Slug = 'dresden';
WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c WHERE n < 9)
INSERT INTO StatisticsCategories (MunicipalityId, DatasetId, Name, Position)
SELECT d.MunicipalityId, d.Id, 'Unterkunft ' || (n + 1), n FROM c, StatisticsDatasets d WHERE d.Code = 'belegung';
WITH RECURSIVE day(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM day WHERE n < 999)
INSERT INTO StatisticsObservations (MunicipalityId, DatasetId, CategoryId, Period, Value, Note)
SELECT k.MunicipalityId, k.DatasetId, k.Id, date('2022-01-01', '+' || n || ' days'),
    CASE WHEN (n * 7 + k.Position) % 97 = 0 THEN NULL ELSE 80 + ((n * 13 + k.Position * 31) % 70) END,
    CASE WHEN (n * 7 + k.Position) % 97 = 0 THEN 'nicht gemeldet' ELSE '' END
FROM day, StatisticsCategories k JOIN StatisticsDatasets d ON d.Id = k.DatasetId WHERE d.Code = 'belegung';
SQL
echo "Observations: $(sqlite3 "$OUT/bench.db" "select count(*) from StatisticsObservations")" >&2
start Staging

PAGE=/dresden/statistics/belegung
curl -fs "http://127.0.0.1:$PW_PORT$PAGE" -o "$OUT/page.html"
( BENCH_BODY_FILE="$OUT/page.html" exec "$OUT/baseline/Baseline" --urls "http://127.0.0.1:$BASE_PORT" ) >"$OUT/baseline.log" 2>&1 &
BASE_PID=$!
for _ in $(seq 1 30); do curl -fs "http://127.0.0.1:$BASE_PORT/" >/dev/null 2>&1 && break; sleep 1; done

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
run() { # name url pid
    local args=(-t1 -c1 -d"${DURATION}s" --latency --timeout 10s -s bench/unique-query.lua)
    wrk "${args[@]}" "$2" >/dev/null 2>&1 || true # warm-up run, discarded
    local before; before=$(ticks "$3")
    local r; r=$(wrk "${args[@]}" "$2")
    local after; after=$(ticks "$3")
    local count; count=$(echo "$r" | awk '/requests in/ {print $1}')
    local cpu; cpu=$(awk -v t=$((after - before)) -v n="$count" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f ms", (n > 0 ? t * 1000 / hz / n : 0) }')
    local p50 p90 p99 errors
    p50=$(echo "$r" | awk '$1=="50%" {print $2}'); p90=$(echo "$r" | awk '$1=="90%" {print $2}'); p99=$(echo "$r" | awk '$1=="99%" {print $2}')
    errors=$(echo "$r" | awk '/Non-2xx|Socket errors/ {print}' | tr '\n' ' ')
    printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$count" "$p50" "$p90" "$p99" "$cpu" "${errors:-none}"
}

echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(date -u '+%Y-%m-%d %H:%M UTC'); load average $(cut -d' ' -f1-3 /proc/loadavg); 10,000 figures, SQLite; wrk -t1 -c1 -d${DURATION}s"
echo
echo "| what | requests | p50 | p90 | p99 | server CPU per request | errors |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | --- |"
run "bare web server, the page's bytes ($(stat -c %s "$OUT/page.html") bytes)" "http://127.0.0.1:$BASE_PORT/" "$BASE_PID"
run "dataset page with 10,000 figures: chart, summary, table, uncached" "http://127.0.0.1:$PW_PORT$PAGE" "$PW_PID"
echo
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
