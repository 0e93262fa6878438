#!/usr/bin/env bash
# SnowPulse's load engine against pgbench -M extended, both through the same PgBouncer in transaction mode (as Snowflake
# Postgres's pooler), side by side in one run.
# Usage: [SCRIPTS="place_order tpcb-like"] [CLIENTS="8 32 128"] [ROUNDS=3] [POOL=20] [SCALE=10]
#        src/bench/pooler-benchmark.sh [database] [seconds per measurement]
# Needs: JDK 25 (JAVA_HOME), pgbench, pgbouncer (Debian: apt-get install pgbouncer), a PostgreSQL reachable with
# PGHOST/PGPORT/PGUSER (default 127.0.0.1:5432, postgres, trust). PgBouncer refuses to run as root: as root the script
# starts it as BOUNCER_USER (default nobody). The database (default snowpulse_pbench) is created anew.
set -euo pipefail
cd "$(dirname "$0")/../.."
db="${1:-snowpulse_pbench}"
seconds="${2:-10}"
: "${JAVA_HOME:?point JAVA_HOME at a JDK 25}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
pool="${POOL:-20}"

./mvnw -q -B package -DskipTests
psql -q -d postgres -c "drop database if exists $db with (force)" -c "create database $db"
export SNOWPULSE_CONFIG_DIR="$(mktemp -d)" PGDATABASE="$db" SNOWPULSE_LOCAL_DEMO=external
snowpulse() { "$JAVA_HOME/bin/java" -Djava.util.logging.config.file=src/main/resources/dev/snowpulse/logging.properties -jar target/snowpulse.jar "$@"; }
snowpulse init --reset-data --stock 1000000000 >/dev/null
# pgbench's own tables for its built-in tpcb-like, which both tools run by name (:scale from pgbench_branches)
pgbench -i -s "${SCALE:-10}" -q "$db" >/dev/null 2>&1

bouncer_dir="$(mktemp -d)"
chmod 0777 "$bouncer_dir"
bport=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
printf '"%s" ""\n' "$PGUSER" > "$bouncer_dir/userlist.txt"
cat > "$bouncer_dir/pgbouncer.ini" <<INI
[databases]
* = host=$PGHOST port=$PGPORT
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $bport
unix_socket_dir =
auth_type = trust
auth_file = $bouncer_dir/userlist.txt
pool_mode = transaction
default_pool_size = $pool
max_client_conn = 1000
ignore_startup_parameters = extra_float_digits
logfile = $bouncer_dir/pgbouncer.log
pidfile = $bouncer_dir/pgbouncer.pid
INI
chmod 0644 "$bouncer_dir"/*
if [ "$(id -u)" -eq 0 ]; then
  runuser -u "${BOUNCER_USER:-nobody}" -- /usr/sbin/pgbouncer "$bouncer_dir/pgbouncer.ini" > "$bouncer_dir/pgbouncer.out" 2>&1 & bouncer=$!
else
  /usr/sbin/pgbouncer "$bouncer_dir/pgbouncer.ini" > "$bouncer_dir/pgbouncer.out" 2>&1 & bouncer=$!
fi
trap 'kill $bouncer 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do pg_isready -q -h 127.0.0.1 -p "$bport" && break; sleep 0.2; done
snowpulse profiles add bouncer --host 127.0.0.1 --port "$bport" --database "$db" --user "$PGUSER" --pooler transaction \
  --password-source none >/dev/null

pgbench_rate() { psql -q -d postgres -c checkpoint
                 if [ "$1" = place_order ]; then what=(-f src/bench/pgbench/place_order_q3.sql); else what=(-b "$1"); fi
                 pgbench -n -M extended -h 127.0.0.1 -p "$bport" -c "$2" -j 2 -T "$seconds" "${what[@]}" "$db" 2>&1 \
                   | grep -oP 'tps = \K[0-9.]+(?= \(without)'; }
snowpulse_rate() { psql -q -d postgres -c checkpoint
                   if [ "$1" = place_order ]; then what=(--min-quantity 1 --max-quantity 3); else what=(-b "$1"); fi
                   snowpulse --profile bouncer workload --workers "$2" --duration "${seconds}s" "${what[@]}" --warm-up 2s --json \
                     > "$bouncer_dir/run.json"
                   failures=$(grep -oP '"(out_of_stock|invalid_input|connection_lost|not_sent|other_sql_error)" : \K[0-9]+' "$bouncer_dir/run.json" | paste -sd+ | bc)
                   [ "$failures" -eq 0 ] || { echo "SnowPulse had $failures failures through the pooler" >&2; cat "$bouncer_dir/run.json" >&2; exit 1; }
                   grep -oP '"orders_per_second" : \K[0-9.]+' "$bouncer_dir/run.json"; }

rounds="${ROUNDS:-3}"
echo "through PgBouncer $(/usr/sbin/pgbouncer --version | head -n 1 | cut -d' ' -f2), transaction pooling, $pool server connections;"
echo "place_order(customer 1..10, product 1..10, quantity 1..3) and pgbench's tpcb-like (scale ${SCALE:-10}), ${seconds} s per run,"
echo "successful transactions/s, ${rounds} rounds, the two tools in alternating order; SnowPulse with 0 failures in every run;"
echo "ratios are medians of the per-round ratios"
printf '%-12s %-8s %18s %12s %12s\n' script clients "pgbench -M extended" snowpulse "vs pgbench"
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
round=0
for script in ${SCRIPTS:-place_order tpcb-like}; do
  for clients in ${CLIENTS:-8 32 128}; do
    pgs=() sps=() ratios=()
    for (( r = 0; r < rounds; r++ )); do
      if (( round++ % 2 == 0 )); then pg=$(pgbench_rate "$script" "$clients"); sp=$(snowpulse_rate "$script" "$clients")
      else sp=$(snowpulse_rate "$script" "$clients"); pg=$(pgbench_rate "$script" "$clients"); fi
      pgs+=("$pg") sps+=("$sp") ratios+=("$(awk -v a="$sp" -v b="$pg" 'BEGIN { print a / b }')")
    done
    awk -v s="$script" -v c="$clients" -v pg="$(printf '%s\n' "${pgs[@]}" | median)" -v sp="$(printf '%s\n' "${sps[@]}" | median)" \
        -v r="$(printf '%s\n' "${ratios[@]}" | median)" -v all="$(printf '%.2f ' "${ratios[@]}")" 'BEGIN {
      printf "%-12s %-8d %18.0f %12.0f %11.2fx   (rounds: %s)\n", s, c, pg, sp, r, all }'
  done
done
