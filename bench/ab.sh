#!/usr/bin/env bash
# Two builds side by side, measured in turns: what a change does to a few endpoints, on a machine whose
# speed drifts by tens of percent within minutes (bench/README.md, "A against B"). The older commit is
# checked out into target/ab-old (a git worktree) and runs on port HTTP_PORT (9480); the working tree runs
# on HTTP_PORT + 10. On H2 each has its own copy of the bench data under target/bench-floor (made by
# bench/floor.sh h2 first); on MariaDB both use the database factory_floor_bench (bench/floor.sh mysql first;
# DB=… for another). Only one of them is under load at a time.
#
#   bench/ab.sh OLD_COMMIT [h2|mysql] [PATH ...]      paths default to /me, a tickets page, a products page
#   ROUNDS=3 WARMUP=20s DURATION=10s CONNECTIONS=16
set -euo pipefail
cd "$(dirname "$0")/.."
OLD=$1
KIND=${2:-h2}
shift $(( $# >= 2 ? 2 : 1 ))
PATHS=("$@")
[ ${#PATHS[@]} -gt 0 ] || PATHS=(/api/auth/me "/api/service-tickets?page=7&per_page=10" "/api/products?page=7&per_page=20")
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-20s}
DURATION=${DURATION:-10s}
C=${CONNECTIONS:-16}
A_PORT=${HTTP_PORT:-9480}
B_PORT=$(( A_PORT + 10 ))
ROOT=$PWD
OLD_DIR=$ROOT/target/ab-old

[ -d "$ROOT/target/bench-floor" ] || { echo "no bench data: run bench/floor.sh $KIND first" >&2; exit 2; }
git worktree remove --force "$OLD_DIR" 2>/dev/null || true
git worktree add --detach "$OLD_DIR" "$OLD" > /dev/null
mkdir -p "$OLD_DIR/target"
if [ "$KIND" = h2 ]; then
    cp -r "$ROOT/target/bench-floor" "$OLD_DIR/target/bench-floor"
else
    ln -s "$ROOT/target/bench-floor" "$OLD_DIR/target/bench-floor"
fi

# start DIR PORT: build and start that tree's server on the kept data
start() {
    (cd "$1" && export HTTP_PORT=$2 HTTPS_PORT=$(( $2 + 400 )) KEEP_DATA=1 && source bench/lib.sh \
        && use_database "$KIND" target/bench-floor factory_floor_bench && build > /dev/null && mvn -q -ntp liberty:start \
        && started)
}
stop_all() {
    (cd "$OLD_DIR" && mvn -q -ntp liberty:stop) || true
    (cd "$ROOT" && mvn -q -ntp liberty:stop) || true
    git -C "$ROOT" worktree remove --force "$OLD_DIR" || true
}
trap stop_all EXIT
token() {
    curl -s -X POST "http://localhost:$1/api/auth/login" -H 'Content-Type: application/json' \
        -d '{"username":"admin","password":"Bench-Passw0rd-2026"}' | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}
rate() { wrk -t2 -c"$C" -d"$3" -H "Authorization: Bearer $2" "http://localhost:$1$4" | awk '/Requests\/sec/ {print $2}'; }

echo "== $(nproc) cores; A = $(git rev-parse --short "$OLD") on :$A_PORT, B = the working tree on :$B_PORT, $KIND"
start "$OLD_DIR" "$A_PORT"
start "$ROOT" "$B_PORT"
TA=$(token "$A_PORT")
TB=$(token "$B_PORT")
echo "== warm-up: each path $WARMUP on A, then on B, twice ($(date -u +%H:%M:%S), load $(cut -d' ' -f1 /proc/loadavg))"
for _ in 1 2; do
    for p in "${PATHS[@]}"; do rate "$A_PORT" "$TA" "$WARMUP" "$p" > /dev/null; rate "$B_PORT" "$TB" "$WARMUP" "$p" > /dev/null; done
done
for round in $(seq "$ROUNDS"); do
    echo "== round $round ($(date -u +%H:%M:%S), load $(cut -d' ' -f1 /proc/loadavg))"
    for p in "${PATHS[@]}"; do
        a=$(rate "$A_PORT" "$TA" "$DURATION" "$p")
        b=$(rate "$B_PORT" "$TB" "$DURATION" "$p")
        printf '%-48s A %9s  B %9s req/s  B/A %s\n' "$p" "$a" "$b" "$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", b / a }')"
    done
done
