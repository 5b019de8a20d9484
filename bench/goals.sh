#!/usr/bin/env bash
# Every speed goal of Planwerk in one run, each figure printed beside its goal (issue "speed on one machine"):
# pages against the bare web server (bench/Baseline) sending the same bytes, pages of a plan with 6,600 measures,
# the weighing table with 900 statements, statements sent by 100 clients at once (all stored, receipts unique),
# the plan PDF of 66 and of 660 measures, the first page after a start, resident memory after mixed load, and
# (with --import) the import of 10,000 measures on SQLite and PostgreSQL (bench/import/run.sh).
# SQLite, Release build, a Staging host as an installation runs it. Needs wrk and sqlite3 (installed if missing).
# Usage: bench/goals.sh [seconds per measurement, default 10] [minutes of mixed load, default 10] [--import]
# docs/performance.md records a run.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-10}"
SOAK_MINUTES="${2:-10}"
IMPORT="${3:-}"
OUT="$(mktemp -d)"
PW_PORT=5193
BASE_PORT=5194
DB="$OUT/bench.db"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
command -v sqlite3 >/dev/null || { apt-get update -qq && apt-get install -y -qq sqlite3 >/dev/null; }

dotnet publish src/Planwerk -c Release -o "$OUT/planwerk" --nologo -v q >/dev/null
dotnet publish bench/Baseline -c Release -o "$OUT/baseline" --nologo -v q >/dev/null
dotnet publish bench/dashboard -c Release -o "$OUT/seed" --nologo -v q >/dev/null

cleanup() { kill "${PW_PID:-}" "${BASE_PID:-}" 2>/dev/null || true; rm -rf "$OUT"; }
trap cleanup EXIT
URL="http://127.0.0.1:$PW_PORT"

launch() { # environment [extra variable assignments]
    ( cd "$OUT/planwerk" && exec env ASPNETCORE_ENVIRONMENT="$1" "${@:2}" Planwerk__PublicAddress="$URL" \
        ConnectionStrings__Planwerk="Data Source=$DB" Logging__LogLevel__Default=Warning \
        RateLimits__ParticipationWritesPerMinute=100000000 \
        dotnet Planwerk.dll --urls "$URL" ) >>"$OUT/planwerk.log" 2>&1 &
    PW_PID=$!
}
wait_for() { # url
    for _ in $(seq 1 1200); do curl -fs -o /dev/null "$1" 2>/dev/null && return; sleep 0.05; done
    echo "Planwerk did not answer $1:" >&2; tail -20 "$OUT/planwerk.log" >&2; exit 1
}
sql() { sqlite3 -cmd ".timeout 10000" "$DB" "$1"; }

# The demo content (Development host only), then the big plans and the participation data beside it.
launch Development Demo__Enabled=true
wait_for "$URL/health"
kill "$PW_PID"; wait "$PW_PID" 2>/dev/null || true
BIG=$(dotnet "$OUT/seed/DashboardSeed.dll" sqlite "Data Source=$DB" dresden)
MID=$(dotnet "$OUT/seed/DashboardSeed.dll" sqlite "Data Source=$DB" dresden 60)
ROUNDS=$(dotnet "$OUT/seed/DashboardSeed.dll" sqlite "Data Source=$DB" dresden participation)
read -r WEIGHED OPEN <<<"$ROUNDS"
DEMO=$(sql "SELECT MIN(p.Id) FROM Plans p JOIN Municipalities m ON m.Id = p.MunicipalityId WHERE m.Slug = 'dresden' AND p.IsPublic = 1 AND p.Id NOT IN ($BIG, $MID) AND EXISTS (SELECT 1 FROM Measures x WHERE x.PlanId = p.Id)")
BIG_FIELD=$(sql "SELECT Id FROM FieldsOfAction WHERE PlanId = $BIG ORDER BY Number LIMIT 1 OFFSET 5")
BIG_MEASURE=$(sql "SELECT Id FROM Measures WHERE PlanId = $BIG ORDER BY Id LIMIT 1 OFFSET 3300")
PLAN="/dresden/plans/$DEMO"

# The first page after a start: from launching the process to the plan page's first answer.
start_ns=$(date +%s%N)
launch Staging
wait_for "$URL$PLAN?first"
FIRST_MS=$(( ($(date +%s%N) - start_ns) / 1000000 ))
curl -fs "$URL$PLAN" -o "$OUT/plan.html"
( BENCH_BODY_FILE="$OUT/plan.html" exec "$OUT/baseline/Baseline" --urls "http://127.0.0.1:$BASE_PORT" ) >"$OUT/baseline.log" 2>&1 &
BASE_PID=$!
wait_for "http://127.0.0.1:$BASE_PORT/"

# wrk: prints "requests/s p50_ms p99_ms requests refused" (bench/wrk-figures.py) after a discarded warm-up run.
measure() { # url connections [lua]
    local args=(-t"$(( $2 < 2 ? 1 : 2 ))" -c"$2" -d"${DURATION}s" --latency --timeout 10s)
    if [ -n "${3:-}" ]; then args+=(-s "$3"); fi
    wrk "${args[@]}" "$1" >/dev/null 2>&1 || true
    wrk "${args[@]}" "$1" | python3 bench/wrk-figures.py
}
row() { # what figure goal met
    printf '| %s | %s | %s | %s |\n' "$1" "$2" "$3" "$4"
}
at_most() { python3 -c "import sys; print('yes' if float(sys.argv[1]) <= float(sys.argv[2]) else '**no**')" "$1" "$2"; }
at_least() { python3 -c "import sys; print('yes' if float(sys.argv[1]) >= float(sys.argv[2]) else '**no**')" "$1" "$2"; }
percent() { python3 -c "import sys; print(f'{100 * float(sys.argv[1]) / float(sys.argv[2]):.1f}')" "$1" "$2"; }

echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(date -u '+%Y-%m-%d %H:%M UTC'); load average $(cut -d' ' -f1-3 /proc/loadavg); $DURATION s per measurement"
echo
echo "| what | figure | goal | met |"
echo "| --- | ---: | --- | --- |"
read -r BARE _ _ _ _ < <(measure "http://127.0.0.1:$BASE_PORT/" 32)
row "bare web server, the plan page's bytes ($(stat -c %s "$OUT/plan.html") bytes), 32 connections" "$BARE req/s" "(reference)" ""
read -r CACHED _ _ _ BAD < <(measure "$URL$PLAN" 32)
row "plan page (66 measures), output cache" "$CACHED req/s = $(percent "$CACHED" "$BARE") % of bare" "≥ 50 %" "$(at_least "$(percent "$CACHED" "$BARE")" 50)"
read -r RENDERED _ _ _ BAD < <(measure "$URL$PLAN" 32 bench/unique-query.lua)
row "plan page (66 measures), rendered every time" "$RENDERED req/s = $(percent "$RENDERED" "$BARE") % of bare" "≥ 10 %" "$(at_least "$(percent "$RENDERED" "$BARE")" 10)"
for page in "plan page|/dresden/plans/$BIG" "field page (600 measures)|/dresden/plans/$BIG/fields/$BIG_FIELD" "measure page|/dresden/plans/$BIG/measures/$BIG_MEASURE"; do
    read -r _ P50 P99 _ BAD < <(measure "$URL${page#*|}" 1 bench/unique-query.lua)
    row "${page%%|*} of a plan with 6,600 measures, rendered, 1 connection (p99 $P99 ms; errors $BAD)" "p50 $P50 ms" "≤ 100 ms" "$(at_most "$P50" 100)"
done
read -r _ P50 P99 _ BAD < <(measure "$URL/dresden/consultations/$WEIGHED/weighing" 1 bench/unique-query.lua)
row "weighing table with 900 statements, rendered, 1 connection (p99 $P99 ms; errors $BAD)" "p50 $P50 ms" "≤ 50 ms" "$(at_most "$P50" 50)"

# Statements: sign in (the demo's reporting account, a resident here), load the form once, post it from 100 connections.
JAR="$OUT/cookies"
token() { python3 -c 'import re,sys; print(re.search(r"name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"", sys.stdin.read()).group(1))'; }
LOGIN_TOKEN=$(curl -fs -c "$JAR" -b "$JAR" "$URL/account/login" | token)
curl -fs -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "Input.Email=bericht@planwerk.example" --data-urlencode "Input.Password=Demo-Planwerk-2019" \
    --data-urlencode "__RequestVerificationToken=$LOGIN_TOKEN" "$URL/account/login"
FORM="/dresden/consultations/$OPEN/statements/new"
FORM_TOKEN=$(curl -fs -c "$JAR" -b "$JAR" "$URL$FORM" | token)
export BENCH_COOKIE; BENCH_COOKIE=$(awk -F'\t' 'NF >= 7 && $6 != "" {printf "%s%s=%s", sep, $6, $7; sep="; "}' "$JAR")
export BENCH_BODY; BENCH_BODY="Input.Target=WholePlan&Input.OnBehalf=personal&Input.Text=Eine+Stellungnahme+zur+Sprachf%C3%B6rderung.&__RequestVerificationToken=$(python3 -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$FORM_TOKEN")"
wrk -t2 -c100 -d2s --timeout 10s -s bench/post-form.lua "$URL$FORM" >/dev/null 2>&1 || true
BEFORE=$(sql "SELECT COUNT(*) FROM Statements WHERE RoundId = $OPEN")
read -r POSTS P50 P99 SENT BAD < <(wrk -t2 -c100 -d"${DURATION}s" --latency --timeout 10s -s bench/post-form.lua "$URL$FORM" | python3 bench/wrk-figures.py)
STORED=$(( $(sql "SELECT COUNT(*) FROM Statements WHERE RoundId = $OPEN") - BEFORE ))
DISTINCT=$(sql "SELECT COUNT(DISTINCT ReceiptNumber) = COUNT(*) FROM Statements WHERE RoundId = $OPEN")
row "statements sent by 100 clients at once ($SENT answered, $STORED stored, refused $BAD, receipts unique: $([ "$DISTINCT" = 1 ] && echo yes || echo NO); p50 $P50 ms, p99 $P99 ms)" "$POSTS statements/s" "≥ 300/s, every one stored" "$(at_least "$POSTS" 300)$([ "$STORED" -ge "$SENT" ] || echo ', **not all stored**')"

for plan in "66|$DEMO|1000" "660|$MID|5000"; do
    IFS='|' read -r n id goal <<<"$plan"
    times=()
    for i in 1 2 3 4 5; do times+=("$(curl -fs -o /dev/null -w '%{time_total}' -H "Authorization: Bearer bench" "$URL/dresden/plans/$id/document.pdf")"); done
    MEDIAN=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p | awk '{printf "%.0f", $1 * 1000}')
    row "plan PDF, $n measures, rendered (median of 5, one at a time)" "$MEDIAN ms" "≤ $goal ms" "$(at_most "$MEDIAN" "$goal")"
done
row "first page after a start (launch to the plan page's answer, Staging, SQLite)" "$FIRST_MS ms" "≤ 3000 ms" "$(at_most "$FIRST_MS" 3000)"

export BENCH_PATHS="$PLAN /dresden/plans/$BIG/measures/$BIG_MEASURE /dresden/plans/$BIG/fields/$BIG_FIELD /dresden/consultations/$WEIGHED/weighing /dresden/services /api/v1/municipalities/dresden/plans/$DEMO $PLAN/dashboard"
wrk -t2 -c16 -d"$(( SOAK_MINUTES * 60 + 1 ))s" --timeout 10s -s bench/mixed.lua "$URL/" >"$OUT/mixed.txt" 2>&1 || true
RSS_MB=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$PW_PID/status")
MIXED=$(awk '/Requests\/sec/ {print $2}' "$OUT/mixed.txt")
row "resident memory after $SOAK_MINUTES minutes of mixed load (7 addresses, half rendered; $MIXED req/s)" "$RSS_MB MB" "≤ 300 MB" "$(at_most "$RSS_MB" 300)"

if [ "$IMPORT" = "--import" ]; then
    echo
    echo "Import of 10,000 measures with history (goal: ≤ 5 s on SQLite, ≤ 8 s on PostgreSQL):"
    echo
    bench/import/run.sh 10000 1
fi
