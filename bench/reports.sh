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
export HTTP_PORT=${HTTP_PORT:-9480} HTTPS_PORT=${HTTPS_PORT:-9843}
export FACTORY_ADMIN_PASSWORD=Bench-Passw0rd-2026
export FACTORY_RATE_LIMIT_AUTHENTICATED_PER_MINUTE=1000000000
export FACTORY_RATE_LIMIT_ANONYMOUS_PER_MINUTE=1000000000
export FACTORY_RATE_LIMIT_LOGIN_PER_MINUTE=1000
export FACTORY_ANALYTICS_REFRESH_INTERVAL_SECONDS=3600
export JVM_ARGS="-Xmx1g"
BASE="http://localhost:$HTTP_PORT"
SERVER=target/liberty/wlp/usr/servers/defaultServer
DATA=target/bench-reports
KEEP_DATA=${KEEP_DATA:-0}
if [ "$KIND" = mysql ]; then
    DB=${DB:-factory_reports_bench}
    if [ "$KEEP_DATA" != 1 ]; then
        mariadb -h 127.0.0.1 -u root -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB"
    fi
    export DB_KIND=mysql DB_USER=root DB_PASSWORD=""
    export DB_URL="jdbc:mysql://127.0.0.1:3306/$DB?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&rewriteBatchedStatements=true"
    JDBC="$DB_URL"; JUSER=root; JPASS=""
    DRIVER="$SERVER/lib/mysql/*"
else
    export H2_FILE="$PWD/$DATA/factory"
    JDBC="jdbc:h2:$H2_FILE;MODE=LEGACY"; JUSER=factory; JPASS=factory
    DRIVER="$SERVER/lib/h2/*"
fi
if [ "$KEEP_DATA" != 1 ]; then
    rm -rf "$DATA"
fi
mkdir -p "$DATA"

step() { printf '\n== %s (%s, load average %s)\n' "$1" "$(date -u +%H:%M:%S)" "$(cut -d' ' -f1-3 /proc/loadavg)"; }
started() {
    # the server reports started before the application has (on a busy machine, by minutes)
    for i in $(seq 600); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health/started")" = 200 ] && return
        sleep 0.5
    done
}

step "machine: $(nproc) cores, $(git rev-parse --short HEAD); build"
mvn -q -ntp package -DskipTests
mvn -q -ntp liberty:create liberty:deploy   # package deploys into the test server only (it-<port>)
if [ "$KEEP_DATA" != 1 ]; then
    step "create the schema"
    mvn -q -ntp liberty:start
    started
    mvn -q -ntp liberty:stop
    step "generate $PARTS parts"
    java -cp "$DRIVER" bench/GenerateParts.java "$JDBC" "$JUSER" "$JPASS" "$PARTS" "$DATA/root-category-$KIND"
fi
step "start"
mvn -q -ntp liberty:start
trap 'mvn -q -ntp liberty:stop' EXIT
started
TOKEN=$(curl -s -X POST "$BASE/api/auth/login" -H 'Content-Type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"$FACTORY_ADMIN_PASSWORD\"}" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
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
