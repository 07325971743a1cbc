#!/usr/bin/env bash
# Export benchmark (bench/README.md, "Exports"): a history of orders, then GET /api/export/orders as CSV
# and as XLSX, every order: time to first byte, total time, rows/s, the heap during the export (sampled
# from /metrics), next to the database's own dump of the same rows (H2 CSVWRITE; MariaDB SELECT … INTO
# OUTFILE or the mariadb client, and mysqldump). Starts the server on HTTP_PORT (default 9480) with its
# own database, stops it at the end.
#
#   bench/export.sh [h2|mysql] [orders=1000000]
#
#   URL_EXTRA=&...   mysql: more JDBC URL options (exports need none: they read in keyset chunks)
#   KEEP_DATA=1   reuse the history of an earlier run (H2 file under target/bench-export, or the
#                 database DB, default factory_export_bench)
#   SKIP_DUMP=1   leave out the database's own dump (12 min on H2 on a loaded machine)
set -euo pipefail
cd "$(dirname "$0")/.."
KIND=${1:-h2}
ORDERS=${2:-1000000}
source bench/lib.sh
DATA=target/bench-export
SELECT="SELECT o.id, o.order_date, o.status, o.customer_id, c.name, o.units, o.subtotal, o.tax_rate, o.tax, \
o.total, o.created_by FROM orders o JOIN customers c ON c.id = o.customer_id ORDER BY o.id"
use_database "$KIND" "$DATA" factory_export_bench

heap() {
    curl -s "$BASE/metrics" -H 'Accept: text/plain' | grep -E '^memory_usedHeap_bytes|^base_memory_usedHeap_bytes' \
        | head -1 | awk '{printf "%d", $NF}'
}

build
if [ "$KEEP_DATA" != 1 ]; then
    create_schema
    step "generate $ORDERS orders"
    java -cp "$DRIVER" bench/GenerateOrders.java "$JDBC" "$JUSER" "$JPASS" "$ORDERS"
fi

step "the database's own dump of the same rows (the limit)"
if [ "${SKIP_DUMP:-0}" = 1 ]; then
    echo "skipped (SKIP_DUMP=1)"
elif [ "$KIND" = mysql ]; then
    out=/tmp/factory-export-bench-$$.csv
    start=$(date +%s%N)
    if mariadb -h 127.0.0.1 -u root "$DB" -e "$SELECT INTO OUTFILE '$out' FIELDS TERMINATED BY ','" 2>/dev/null; then
        echo "SELECT … INTO OUTFILE: $(( ($(date +%s%N) - start) / 1000000 )) ms, $(stat -c %s "$out") bytes"
        rm -f "$out"
    else
        echo "SELECT … INTO OUTFILE refused by the server (secure_file_priv / FILE privilege)"
    fi
    start=$(date +%s%N)
    mariadb -h 127.0.0.1 -u root --quick --batch -N "$DB" -e "$SELECT" > "$DATA/client.tsv"
    echo "mariadb --quick client (TSV): $(( ($(date +%s%N) - start) / 1000000 )) ms, $(stat -c %s "$DATA/client.tsv") bytes"
    start=$(date +%s%N)
    mysqldump -h 127.0.0.1 -u root --quick "$DB" orders > "$DATA/orders.sql"
    echo "mysqldump orders: $(( ($(date +%s%N) - start) / 1000000 )) ms, $(stat -c %s "$DATA/orders.sql") bytes"
    rm -f "$DATA/client.tsv" "$DATA/orders.sql"
else
    start=$(date +%s%N)
    java -cp "$DRIVER" org.h2.tools.Shell -url "$JDBC" -user "$JUSER" -password "$JPASS" \
        -sql "CALL CSVWRITE('$PWD/$DATA/orders.csv', '$SELECT')" > /dev/null
    echo "H2 CSVWRITE (a JVM of its own, start included): $(( ($(date +%s%N) - start) / 1000000 )) ms," \
        "$(stat -c %s "$DATA/orders.csv") bytes"
    rm -f "$DATA/orders.csv"
fi

start_server

export_once() { # format sort label
    local samples="$DATA/heap-$1.txt"
    : > "$samples"
    ( set +e; while true; do heap >> "$samples"; echo >> "$samples"; sleep 0.5; done ) &
    local sampler=$!
    local before; before=$(heap)
    curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" \
        -w "$3: HTTP %{http_code}, first byte %{time_starttransfer} s, total %{time_total} s, %{size_download} bytes\n" \
        "$BASE/api/export/orders?format=$1&sort=$2" | tee "$DATA/result.txt"
    kill "$sampler" 2>/dev/null || echo "  (the heap sampler had stopped)"
    local total; total=$(sed 's/.*total \([0-9.]*\) s.*/\1/' "$DATA/result.txt")
    local max; max=$(sort -n "$samples" | tail -1)
    echo "  rows/s: $(awk -v n="$ORDERS" -v t="$total" 'BEGIN {printf "%d", n / t}')," \
        "heap used before $((before / 1048576)) MiB, at most $((max / 1048576)) MiB during (sampled every 0.5 s, -Xmx1g)"
}
step "warm-up: one CSV export of every order, not measured"
curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" "$BASE/api/export/orders?format=csv&sort=id"
for format in csv xlsx; do
    step "GET /api/export/orders?format=$format&sort=id ($ORDERS orders)"
    export_once "$format" id "$format"
done
step "GET /api/export/orders?format=csv (the list's default sort, -order_date)"
export_once csv -order_date "csv, -order_date"
step "done"
