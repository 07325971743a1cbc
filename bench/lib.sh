# Shared by the benchmark scripts (sourced, from the repository's root): the server's settings for a
# benchmark, the database a run uses, the build and the schema, and how a step is announced.
#
#   use_database KIND DATA DEFAULT_DB   h2: an H2 file under DATA; mysql: MariaDB on 127.0.0.1:3306 (root,
#                                       no password), database $DB or DEFAULT_DB (URL_EXTRA: more URL
#                                       options); postgresql: PostgreSQL on 127.0.0.1:5432 (postgres, trust),
#                                       database $DB or DEFAULT_DB; all emptied first unless KEEP_DATA=1. Sets
#                                       JDBC, JUSER, JPASS and DRIVER for the generators.
#   build                               package, then deploy into defaultServer (package deploys into the
#                                       test server only, it-<port>)
#   create_schema                       start the server once so that Flyway creates the schema, stop it
#   analyze_generated                   PostgreSQL: ANALYZE the rows the generators wrote (below)
#   step TEXT                           a heading with the time and the load average (machines are shared)
#   started                             wait until the application has started (on a busy machine the server
#                                       reports started minutes before it)
#   start_server                        start the server (stopped when the script exits), wait until it has
#                                       started, and export TOKEN: an access token of the admin

export HTTP_PORT=${HTTP_PORT:-9480} HTTPS_PORT=${HTTPS_PORT:-9843}
export FACTORY_ADMIN_PASSWORD=Bench-Passw0rd-2026
export FACTORY_RATE_LIMIT_AUTHENTICATED_PER_MINUTE=1000000000
export FACTORY_RATE_LIMIT_ANONYMOUS_PER_MINUTE=1000000000
export FACTORY_RATE_LIMIT_LOGIN_PER_MINUTE=1000
export FACTORY_ANALYTICS_REFRESH_INTERVAL_SECONDS=3600
export JVM_ARGS=${JVM_ARGS:--Xmx1g}
BASE="http://localhost:$HTTP_PORT"
SERVER=target/liberty/wlp/usr/servers/defaultServer
KEEP_DATA=${KEEP_DATA:-0}

use_database() {
    local kind=$1 data=$2
    if [ "$kind" = mysql ]; then
        DB=${DB:-$3}
        if [ "$KEEP_DATA" != 1 ]; then
            mariadb -h 127.0.0.1 -u root -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB"
        fi
        export DB_KIND=mysql DB_USER=root DB_PASSWORD=""
        export DB_URL="jdbc:mysql://127.0.0.1:3306/$DB?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&rewriteBatchedStatements=true${URL_EXTRA:-}"
        JDBC="$DB_URL"; JUSER=root; JPASS=""
        DRIVER="$SERVER/lib/mysql/*"
    elif [ "$kind" = postgresql ]; then
        DB=${DB:-$3}
        if [ "$KEEP_DATA" != 1 ]; then
            psql -h 127.0.0.1 -U postgres -d postgres -q -c "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)"
            psql -h 127.0.0.1 -U postgres -d postgres -q -c "CREATE DATABASE \"$DB\""
        fi
        export DB_KIND=postgresql DB_USER=postgres DB_PASSWORD=""
        export DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB${URL_EXTRA:-}"
        # the generators' batches as multi-row INSERTs (what rewriteBatchedStatements does on MySQL)
        JDBC="$DB_URL"; JUSER=postgres; JPASS=""
        [[ $JDBC == *\?* ]] && JDBC="$JDBC&reWriteBatchedInserts=true" || JDBC="$JDBC?reWriteBatchedInserts=true"
        DRIVER="$SERVER/lib/postgresql/*"
    else
        export H2_FILE="$PWD/$data/factory"
        JDBC="jdbc:h2:$H2_FILE;MODE=LEGACY"; JUSER=factory; JPASS=factory
        DRIVER="$SERVER/lib/h2/*"
    fi
    if [ "$KEEP_DATA" != 1 ]; then
        rm -rf "$data"
    fi
    mkdir -p "$data"
}

# The planner's statistics of the rows the generators just wrote, which production's autovacuum would gather: this
# machine's PostgreSQL runs with autovacuum off, and without statistics a bulk-loaded table is planned from a guess
# (a page of tickets read by a sequential scan and a sort: 11.5 ms instead of 1.9 ms). MariaDB's InnoDB gathers its
# own (innodb_stats_auto_recalc); H2 needs none here.
analyze_generated() {
    if [ "${DB_KIND:-}" = postgresql ]; then
        step "ANALYZE (PostgreSQL's statistics of the generated rows)"
        psql -h 127.0.0.1 -U postgres -d "$DB" -q -c ANALYZE
    fi
}

step() { printf '\n== %s (%s, load average %s)\n' "$1" "$(date -u +%H:%M:%S)" "$(cut -d' ' -f1-3 /proc/loadavg)"; }

started() {
    for i in $(seq 600); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health/started")" = 200 ] && return
        sleep 0.5
    done
}

build() {
    step "machine: $(nproc) cores, $(git rev-parse --short HEAD); build"
    mvn -q -ntp package -DskipTests
    mvn -q -ntp liberty:create liberty:deploy
}

create_schema() {
    step "create the schema"
    mvn -q -ntp liberty:start
    started
    mvn -q -ntp liberty:stop
}

start_server() {
    step "start"
    mvn -q -ntp liberty:start
    trap 'mvn -q -ntp liberty:stop' EXIT
    started
    TOKEN=$(curl -s -X POST "$BASE/api/auth/login" -H 'Content-Type: application/json' \
        -d "{\"username\":\"admin\",\"password\":\"$FACTORY_ADMIN_PASSWORD\"}" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
    export TOKEN
}
