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
export FACTORY_ADMIN_PASSWORD=Bench-Passw0rd-2026
export FACTORY_RATE_LIMIT_AUTHENTICATED_PER_MINUTE=1000000000
export FACTORY_RATE_LIMIT_ANONYMOUS_PER_MINUTE=1000000000
export FACTORY_RATE_LIMIT_LOGIN_PER_MINUTE=1000
export FACTORY_ANALYTICS_REFRESH_INTERVAL_SECONDS=3600
export JVM_ARGS="-Xmx1g"
BASE="http://localhost:$HTTP_PORT"
SERVER=target/liberty/wlp/usr/servers/defaultServer
DATA=target/bench-maintenance
KEEP_DATA=${KEEP_DATA:-0}
if [ "$KIND" = mysql ]; then
    DB=${DB:-factory_bench_maintenance}
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
    for i in $(seq 600); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health/started")" = 200 ] && return
        sleep 0.5
    done
}

step "machine: $(nproc) cores, $(git rev-parse --short HEAD); build"
mvn -q -ntp package -DskipTests
mvn -q -ntp liberty:create liberty:deploy
if [ "$KEEP_DATA" != 1 ]; then
    step "create the schema"
    mvn -q -ntp liberty:start
    started
    mvn -q -ntp liberty:stop
    step "generate 1000 parts and $TICKETS tickets"
    java -cp "$DRIVER" bench/GenerateParts.java "$JDBC" "$JUSER" "$JPASS" 1000
    java -cp "$DRIVER" bench/GenerateTickets.java "$JDBC" "$JUSER" "$JPASS" "$TICKETS" 200 2000 "$DATA/in-progress"
fi
step "start"
mvn -q -ntp liberty:start
trap 'mvn -q -ntp liberty:stop' EXIT
started
TOKEN=$(curl -s -X POST "$BASE/api/auth/login" -H 'Content-Type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"$FACTORY_ADMIN_PASSWORD\"}" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
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
