#!/usr/bin/env bash
# Inventory benchmarks (bench/README.md, "Inventory"): 100,000 parts, then the low-stock list of one
# category subtree, the dashboard summary and receipts of 20-line purchase orders. Starts the server on
# HTTP_PORT (default 9480) with its own database, stops it at the end.
#
#   bench/inventory.sh [h2|mysql] [parts=100000]
#
#   KEEP_DATA=1      reuse the parts of an earlier run (H2 file under target/bench-inventory or the
#                    database factory_hc_bench); the server migrates it to the build's schema
#   CONNECTIONS=16 SECONDS=20 WARMUP=20   the GET runs; ORDERS=200 LINES=20 the receipts
set -euo pipefail
cd "$(dirname "$0")/.."
KIND=${1:-h2}
PARTS=${2:-100000}
source bench/lib.sh
DATA=target/bench-inventory
use_database "$KIND" "$DATA" factory_hc_bench

build
if [ "$KEEP_DATA" != 1 ]; then
    create_schema
    step "generate $PARTS parts"
    java -cp "$DRIVER" bench/GenerateParts.java "$JDBC" "$JUSER" "$JPASS" "$PARTS" "$DATA/root-category-$KIND"
fi
start_server
step "refresh the analytics (and, where built, the inventory figures)"
curl -s -X POST "$BASE/api/analytics/refresh" -H "Authorization: Bearer $TOKEN"; echo
ROOT=$(cat "$DATA/root-category-$KIND")
C=${CONNECTIONS:-16}; S=${SECONDS_MEASURED:-20}; W=${WARMUP:-20}
step "GET /api/auth/me (the floor: token, filters, JAX-RS, JSON; one account read)"
java bench/InventoryLoad.java get "$BASE" "$FACTORY_ADMIN_PASSWORD" "/api/auth/me" "$C" "$S" "$W"
step "GET /api/inventory/items?status=low_stock&category=$ROOT"
java bench/InventoryLoad.java get "$BASE" "$FACTORY_ADMIN_PASSWORD" "/api/inventory/items?status=low_stock&category=$ROOT" "$C" "$S" "$W"
# the same two with as many connections as cores: each request's own latency, not queued behind 15 others
for path in "/api/auth/me" "/api/inventory/items?status=low_stock&category=$ROOT"; do
    step "GET $path, $(nproc) connections"
    java bench/InventoryLoad.java get "$BASE" "$FACTORY_ADMIN_PASSWORD" "$path" "$(nproc)" "$S" "$W"
done
step "GET /api/dashboard/summary"
java bench/InventoryLoad.java get "$BASE" "$FACTORY_ADMIN_PASSWORD" "/api/dashboard/summary" "$C" "$S" "$W"
curl -s "$BASE/api/dashboard/summary" -H "Authorization: Bearer $TOKEN"; echo
step "receive 20-line purchase orders"
java bench/InventoryLoad.java receive "$BASE" "$FACTORY_ADMIN_PASSWORD" "${ORDERS:-200}" "${LINES:-20}" 50
step "done"
