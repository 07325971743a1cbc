#!/usr/bin/env bash
# Report benchmarks (bench/README.md, "Reports"): 100,000 parts (bench/GenerateParts.java), then the
# reports: the inventory report of one category subtree and of everything, the purchase-order, supplier
# and analytics reports. Starts the server on HTTP_PORT (default 9480) with its own database, stops it at
# the end.
#
#   bench/reports.sh [h2|mysql] [parts=100000]
#
#   KEEP_DATA=1      reuse the parts of an earlier run (H2 file under target/bench-reports or the
#                    database factory_reports_bench); the server migrates it to the build's schema
#   CONNECTIONS=4 SECONDS_MEASURED=15 WARMUP=10   the GET runs
set -euo pipefail
cd "$(dirname "$0")/.."
KIND=${1:-h2}
PARTS=${2:-100000}
source bench/lib.sh
DATA=target/bench-reports
use_database "$KIND" "$DATA" factory_reports_bench

build
if [ "$KEEP_DATA" != 1 ]; then
    create_schema
    step "generate $PARTS parts"
    java -cp "$DRIVER" bench/GenerateParts.java "$JDBC" "$JUSER" "$JPASS" "$PARTS" "$DATA/root-category-$KIND"
fi
start_server
step "refresh the analytics"
curl -s -X POST "$BASE/api/analytics/refresh" -H "Authorization: Bearer $TOKEN"; echo
ROOT=$(cat "$DATA/root-category-$KIND")
C=${CONNECTIONS:-4}; S=${SECONDS_MEASURED:-15}; W=${WARMUP:-10}
for path in "/api/auth/me" "/api/reports/inventory?category=$ROOT&limit=100" "/api/reports/inventory?limit=1000" \
        "/api/reports/purchase-orders" "/api/reports/suppliers" "/api/reports/analytics?granularity=week"; do
    step "GET $path"
    java bench/InventoryLoad.java get "$BASE" "$FACTORY_ADMIN_PASSWORD" "$path" "$C" "$S" "$W"
done
step "one inventory report of everything, timed alone"
curl -s -o /dev/null -w 'HTTP %{http_code}, %{size_download} bytes, %{time_total} s\n' \
    "$BASE/api/reports/inventory?limit=1000" -H "Authorization: Bearer $TOKEN"
step "done"
