#!/usr/bin/env bash
# Benchmarks of Factory Ops (not part of `mvn verify`): loads a history, then measures the API with
# wrk and the analytics questions live in SQL against their summaries. See bench/README.md.
#
#   bench/run.sh [h2|mysql] [orders] [production-records]      (default: h2 1000000 500000)
#
#   KEEP_DATA=1          reuse the history of an earlier run (H2 file or database factory_bench)
#   BUFFER_POOL=4G       mysql: SET GLOBAL innodb_buffer_pool_size before the run (the server's own setting)
#   DURATION, CONNECTIONS  wrk settings (15s, 16); reads are also measured at READ_CONNECTIONS (4)
#   WARMUP=30s, WARMUP_ROUNDS=2   before anything is measured, every scenario (reads and POST) runs this
#                        long, this many rounds: on 2 cores the JIT needs minutes of load to settle
set -euo pipefail
cd "$(dirname "$0")/.."

KIND=${1:-h2}
ORDERS=${2:-1000000}
PRODUCTION=${3:-500000}
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-16}
BASE=http://localhost:9080
SERVER=target/liberty/wlp/usr/servers/defaultServer

export FACTORY_ADMIN_PASSWORD=Bench-Passw0rd-2026
export FACTORY_RATE_LIMIT_AUTHENTICATED_PER_MINUTE=1000000000
export FACTORY_RATE_LIMIT_ANONYMOUS_PER_MINUTE=1000000000
export FACTORY_RATE_LIMIT_LOGIN_PER_MINUTE=1000
export FACTORY_ANALYTICS_REFRESH_INTERVAL_SECONDS=3600
export JVM_ARGS="-Xmx1g"

KEEP_DATA=${KEEP_DATA:-0}
if [ "$KIND" = mysql ]; then
    DB=factory_bench
    if [ -n "${BUFFER_POOL:-}" ]; then
        mariadb -h 127.0.0.1 -u root -e "SET GLOBAL innodb_buffer_pool_size = $(numfmt --from=iec "$BUFFER_POOL")"
    fi
    mariadb -h 127.0.0.1 -u root -e "SELECT @@innodb_buffer_pool_size AS innodb_buffer_pool_size"
    if [ "$KEEP_DATA" != 1 ]; then
        mariadb -h 127.0.0.1 -u root -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB"
    fi
    export DB_KIND=mysql DB_USER=root DB_PASSWORD=""
    export DB_URL="jdbc:mysql://127.0.0.1:3306/$DB?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&rewriteBatchedStatements=true"
    JDBC="$DB_URL"; JUSER=root; JPASS=""
    DRIVER="$SERVER/lib/mysql/*"
else
    export H2_FILE="$PWD/target/bench-data/factory"
    if [ "$KEEP_DATA" != 1 ]; then
        rm -rf target/bench-data
    fi
    JDBC="jdbc:h2:$H2_FILE;MODE=LEGACY"; JUSER=factory; JPASS=factory
    DRIVER="$SERVER/lib/h2/*"
fi

step() { printf '\n== %s (%s)\n' "$1" "$(date -u +%H:%M:%S)"; }

step "machine: $(nproc) cores; reference speed (openssl rsa2048 signs/s, one core)"
openssl speed -seconds 3 rsa2048 2>/dev/null | tail -1 || true

step "build and create (or migrate) the schema"
mvn -q -ntp package -DskipTests
mvn -q -ntp liberty:create liberty:deploy   # package deploys into the test server only (it-<port>)
start=$(date +%s%N)
mvn -q -ntp liberty:start
echo "started (with migrations) in $(( ($(date +%s%N) - start) / 1000000 )) ms"
mvn -q -ntp liberty:stop

if [ "$KEEP_DATA" != 1 ]; then
    step "generate $ORDERS orders and $PRODUCTION production records"
    java -cp "$DRIVER" bench/GenerateHistory.java "$JDBC" "$JUSER" "$JPASS" "$ORDERS" "$PRODUCTION"
fi

step "start the server (-Xmx1g)"
start=$(date +%s%N)
mvn -q -ntp liberty:start
echo "started in $(( ($(date +%s%N) - start) / 1000000 )) ms"
TOKEN=$(curl -s -X POST "$BASE/api/auth/login" -H 'Content-Type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"$FACTORY_ADMIN_PASSWORD\"}" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
export TOKEN

step "full rebuild of the summaries"
curl -s -X POST "$BASE/api/analytics/refresh?full=true" -H "Authorization: Bearer $TOKEN"; echo

DAY=$(date -u -d 'yesterday' +%F)
READS=("/api/products/17" "/api/products?page=7&per_page=20" "/api/analytics/employee-performance"
    "/api/analytics/top-products?limit=10" "/api/analytics/customer-ltv?threshold=1000"
    "/api/analytics/production-efficiency?date=$DAY" "/api/dashboard/summary")
bench() {
    printf '\n-- %s (%s connections)\n' "$1" "$2"
    wrk -t2 -c"$2" -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" "$BASE$1" \
        | grep -E 'Requests/sec|Latency  |50%|99%|Non-2xx|Socket errors'
}
step "warm-up: ${WARMUP_ROUNDS:-2} rounds of ${WARMUP:-30s} per scenario, not measured"
for round in $(seq "${WARMUP_ROUNDS:-2}"); do
    for path in "${READS[@]}"; do
        wrk -t2 -c"$CONNECTIONS" -d"${WARMUP:-30s}" -H "Authorization: Bearer $TOKEN" "$BASE$path" > /dev/null
    done
    wrk -t2 -c"$CONNECTIONS" -d"${WARMUP:-30s}" -s bench/post-order.lua "$BASE" > /dev/null
done
echo "incremental refresh of the warm-up's orders (not the measured one):"
curl -s -X POST "$BASE/api/analytics/refresh" -H "Authorization: Bearer $TOKEN"; echo
step "reads"
for connections in "$CONNECTIONS" "${READ_CONNECTIONS:-4}"; do
    for path in "${READS[@]}"; do
        bench "$path" "$connections"
    done
done

step "POST /api/orders"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/post-order.lua "$BASE" | grep -E 'Requests/sec|Latency  |50%|99%|Non-2xx|Socket errors'

step "incremental refresh after those orders"
curl -s -X POST "$BASE/api/analytics/refresh" -H "Authorization: Bearer $TOKEN"; echo

step "heap and connection pool"
curl -s "$BASE/metrics" | grep -E '^(base_)?memory_(usedHeap|maxHeap)|^jvm_memory_used_bytes\{.*area="heap"|^connectionpool_(managedConnections|queuedRequests_total)' | head -8 || true

step "stop the server; live SQL against the summaries"
mvn -q -ntp liberty:stop
java -cp "$DRIVER" bench/LiveAggregates.java "$JDBC" "$JUSER" "$JPASS" "$DAY"
