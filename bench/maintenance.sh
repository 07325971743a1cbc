#!/usr/bin/env bash
# Maintenance benchmarks (bench/README.md, "Maintenance"): 100,000 service tickets, then the analytics refresh
# that keeps the top-mechanics summary (full rebuild, incremental with nothing and with 1,000 completed tickets
# pending) and GET /api/mechanics/top under load. Starts the server on HTTP_PORT (default 9490) with its own
# database, stops it at the end.
#
#   bench/maintenance.sh [h2|mysql] [tickets=100000]
#
#   KEEP_DATA=1      reuse the tickets of an earlier run (H2 file under target/bench-maintenance or the
#                    database $DB, default factory_bench_maintenance)
#   CONNECTIONS=16 SECONDS_MEASURED=20 WARMUP=20   the GET runs; COMPLETE=1000 tickets completed through the API
set -euo pipefail
cd "$(dirname "$0")/.."
KIND=${1:-h2}
TICKETS=${2:-100000}
export HTTP_PORT=${HTTP_PORT:-9490} HTTPS_PORT=${HTTPS_PORT:-9853}
source bench/lib.sh
DATA=target/bench-maintenance
use_database "$KIND" "$DATA" factory_bench_maintenance

build
if [ "$KEEP_DATA" != 1 ]; then
    create_schema
    step "generate 1000 parts and $TICKETS tickets"
    java -cp "$DRIVER" bench/GenerateParts.java "$JDBC" "$JUSER" "$JPASS" 1000
    java -cp "$DRIVER" bench/GenerateTickets.java "$JDBC" "$JUSER" "$JPASS" "$TICKETS" 200 2000 "$DATA/in-progress"
fi
start_server
refresh() { curl -s -X POST "$BASE/api/analytics/refresh$1" -H "Authorization: Bearer $TOKEN"; echo; }
step "full refresh (every summary rebuilt; the mechanics' from $TICKETS tickets), three times"
for i in 1 2 3; do refresh "?full=true"; done
step "incremental refresh with nothing pending, three times"
for i in 1 2 3; do refresh ""; done
N=${COMPLETE:-1000}
step "complete $N in-progress tickets through the API"
head -n "$N" "$DATA/in-progress" | while read -r id; do
    curl -s -o /dev/null -w '%{http_code}\n' -X POST "$BASE/api/service-tickets/$id/complete" \
        -H "Authorization: Bearer $TOKEN"
done | sort | uniq -c
step "incremental refresh absorbing them"
refresh ""
TODAY=$(date -u +%F); YEAR_AGO=$(date -u -d '-365 days' +%F)
C=${CONNECTIONS:-16}; S=${SECONDS_MEASURED:-20}; W=${WARMUP:-20}
step "GET /api/auth/me (the floor)"
java bench/InventoryLoad.java get "$BASE" "$FACTORY_ADMIN_PASSWORD" "/api/auth/me" "$C" "$S" "$W"
step "GET /api/mechanics/top (this month)"
java bench/InventoryLoad.java get "$BASE" "$FACTORY_ADMIN_PASSWORD" "/api/mechanics/top" "$C" "$S" "$W"
curl -s "$BASE/api/mechanics/top?limit=3" -H "Authorization: Bearer $TOKEN"; echo
step "GET /api/mechanics/top?limit=100&date_from=$YEAR_AGO&date_to=$TODAY (the longest period)"
java bench/InventoryLoad.java get "$BASE" "$FACTORY_ADMIN_PASSWORD" "/api/mechanics/top?limit=100&date_from=$YEAR_AGO&date_to=$TODAY" "$C" "$S" "$W"
step "done"
