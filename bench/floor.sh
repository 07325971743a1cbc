#!/usr/bin/env bash
# What a request pays over the floor (bench/README.md, "Floors and ratios"): in one run on one database,
# GET /health/live (the floor: no token, no database), GET /api/auth/me (the authenticated floor: token,
# token-state check, rate limit, one account read) and each endpoint as a ratio to the authenticated floor.
# Starts the server on HTTP_PORT (default 9480) with its own database, stops it at the end.
#
#   bench/floor.sh [h2|mysql|postgresql] [orders=20000] [production-records=10000] [tickets=20000]
#
#   KEEP_DATA=1                 reuse the history of an earlier run (H2 under target/bench-floor, or the
#                               database factory_floor_bench; DB=… for another)
#   DURATION=15s WARMUP=20s CONNECTIONS=16   wrk per endpoint (2 threads); the warm-up runs every endpoint once
#   JFR=1                       record the server's JVM (Java Flight Recorder) while GET /api/auth/me is
#                               measured, into target/bench-floor-<kind>.jfr
#
# The request limits are lifted to 10^9 a minute (bench/lib.sh), not switched off: every request still
# meets its principal's bucket, as in production.
set -euo pipefail
cd "$(dirname "$0")/.."
KIND=${1:-h2}
ORDERS=${2:-20000}
PRODUCTION=${3:-10000}
TICKETS=${4:-20000}
source bench/lib.sh
DATA=target/bench-floor
use_database "$KIND" "$DATA" factory_floor_bench
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-20s}
C=${CONNECTIONS:-16}

build
if [ "$KEEP_DATA" != 1 ]; then
    create_schema
    step "generate $ORDERS orders and $PRODUCTION production records"
    java -cp "$DRIVER" bench/GenerateHistory.java "$JDBC" "$JUSER" "$JPASS" "$ORDERS" "$PRODUCTION" > /dev/null
    step "generate 1000 parts and $TICKETS service tickets (200 mechanics, 2000 customers of their own)"
    java -cp "$DRIVER" bench/GenerateParts.java "$JDBC" "$JUSER" "$JPASS" 1000 > /dev/null
    java -cp "$DRIVER" bench/GenerateTickets.java "$JDBC" "$JUSER" "$JPASS" "$TICKETS" 200 2000 "$DATA/in-progress" \
        > /dev/null
    analyze_generated
fi
TICKET=$(head -n 1 "$DATA/in-progress")
start_server
curl -s -o /dev/null -X POST "$BASE/api/analytics/refresh?full=true" -H "Authorization: Bearer $TOKEN"

DAY=$(date -u -d 'yesterday' +%F)
ENDPOINTS=("/api/products/17" "/api/products?page=7&per_page=20" "/api/analytics/top-products?limit=10"
    "/api/analytics/employee-performance" "/api/analytics/customer-ltv?threshold=1000"
    "/api/analytics/production-efficiency?date=$DAY" "/api/dashboard/summary" "/api/service-tickets/$TICKET"
    "/api/service-tickets?page=7&per_page=10" "/api/service-tickets?page=7&per_page=100" "/api/mechanics/top"
    "POST /api/orders")

# wrk on one endpoint; prints "requests/s non-2xx"
measure() {
    local path=$1 duration=$2 out
    if [ "$path" = "POST /api/orders" ]; then
        out=$(wrk -t2 -c"$C" -d"$duration" -s bench/post-order.lua "$BASE")
    elif [ "$path" = /health/live ]; then
        out=$(wrk -t2 -c"$C" -d"$duration" "$BASE$path")
    else
        out=$(wrk -t2 -c"$C" -d"$duration" -H "Authorization: Bearer $TOKEN" "$BASE$path")
    fi
    printf '%s %s\n' "$(awk '/Requests\/sec/ {print $2}' <<< "$out")" \
        "$(awk '/Non-2xx/ {print $5}' <<< "$out" | grep . || echo 0)"
}

step "warm-up: every endpoint for $WARMUP at $C connections, then the two floors again, not measured"
for path in /health/live /api/auth/me "${ENDPOINTS[@]}" /health/live /api/auth/me; do
    measure "$path" "$WARMUP" > /dev/null
done

step "measured: $DURATION each, $C connections, in this order"
load() { cut -d' ' -f1 /proc/loadavg; }
read -r live live_errors < <(measure /health/live "$DURATION")
printf '%-52s %9s req/s  load %s  non-2xx %s\n' "GET /health/live (the floor)" "$live" "$(load)" "$live_errors"
if [ "${JFR:-0}" = 1 ]; then
    pid=$(cat "$SERVER/../.pid/defaultServer.pid")
    jcmd "$pid" JFR.start name=floor settings=profile filename="$PWD/target/bench-floor-$KIND.jfr" > /dev/null
fi
read -r me me_errors < <(measure /api/auth/me "$DURATION")
if [ "${JFR:-0}" = 1 ]; then
    jcmd "$pid" JFR.stop name=floor > /dev/null
    echo "JFR recording: target/bench-floor-$KIND.jfr (jfr print --events jdk.ExecutionSample …)"
fi
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%3.0f %%", 100 * a / b; else print "-" }'; }
printf '%-52s %9s req/s  load %s  non-2xx %s  %s of the floor\n' "GET /api/auth/me (the authenticated floor)" \
    "$me" "$(load)" "$me_errors" "$(ratio "$me" "$live")"
for path in "${ENDPOINTS[@]}"; do
    read -r rate errors < <(measure "$path" "$DURATION")
    label=$path; [[ $path == /* ]] && label="GET $path"
    printf '%-52s %9s req/s  load %s  non-2xx %s  %s of the authenticated floor\n' "$label" "$rate" "$(load)" \
        "$errors" "$(ratio "$rate" "$me")"
done
read -r again _ < <(measure /api/auth/me "$DURATION")
printf '%-52s %9s req/s  load %s  (drift over the run: %s of the first)\n' "GET /api/auth/me again" "$again" \
    "$(load)" "$(ratio "$again" "$me")"
step "done"
