#!/usr/bin/env bash
# Login flood (bench/README.md): starts the server on HTTP_PORT (default 9480) with production password
# hashing (210,000 iterations) and the anonymous per-IP limit lifted (one loopback address stands for
# many attackers), runs bench/LoginFlood.java, stops the server. FACTORY_PASSWORD_* from the
# environment apply (e.g. FACTORY_PASSWORD_MAX_CONCURRENT_HASHES=1000 to measure without the cap).
#
#   bench/login-flood.sh [flooders=32] [seconds=20] [logins per second=20]
set -euo pipefail
cd "$(dirname "$0")/.."
export HTTP_PORT=${HTTP_PORT:-9480} HTTPS_PORT=${HTTPS_PORT:-9843}
export FACTORY_ADMIN_PASSWORD=Bench-Passw0rd-2026
export FACTORY_RATE_LIMIT_ANONYMOUS_PER_MINUTE=1000000000
export FACTORY_RATE_LIMIT_AUTHENTICATED_PER_MINUTE=1000000000
export H2_FILE="$PWD/target/bench-flood-data/factory"
rm -rf target/bench-flood-data
echo "machine: $(nproc) cores, $(date -u +%FT%TZ)"
mvn -q -ntp package -DskipTests
mvn -q -ntp liberty:create liberty:deploy   # package deploys into the test server only (it-<port>)
mvn -q -ntp liberty:start
trap 'mvn -q -ntp liberty:stop' EXIT
# the server reports started before the application has (on a busy machine, by minutes)
for i in $(seq 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$HTTP_PORT/health/started")" = 200 ] && break
    sleep 0.5
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
java bench/LoginFlood.java "http://localhost:$HTTP_PORT" "$FACTORY_ADMIN_PASSWORD" "${1:-32}" "${2:-20}" "${3:-20}"
