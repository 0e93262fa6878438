#!/usr/bin/env bash
# SnowPulse's load engine against pgbench and against the seed project's Python driver, side by side in one run.
# Usage: [CLIENTS="1 4 8 16"] src/bench/workload-benchmark.sh [database] [seconds per measurement]
# Needs: JDK 25 (JAVA_HOME), pgbench, python3 with psycopg2 (Debian: python3-psycopg2), a PostgreSQL reachable with
# PGHOST/PGPORT/PGUSER (default 127.0.0.1:5432, postgres). The database (default snowpulse_wbench) is created anew.
# Each tool runs the same orders: place_order(customer 1..10, product 1..10, quantity 1..3), for the same time,
# with the same number of clients (1, 4, 8, 16), back to back in an order that rotates, ROUNDS times (default 5); then the
# seed's own default, a count-based run of 4 workers x 250 orders, SnowPulse from a cold JVM against the Python driver.
set -euo pipefail
cd "$(dirname "$0")/../.."
db="${1:-snowpulse_wbench}"
seconds="${2:-20}"
: "${JAVA_HOME:?point JAVA_HOME at a JDK 25}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
python=/usr/bin/python3
"$python" -c "import psycopg2" 2>/dev/null || { echo "python3-psycopg2 is needed (apt-get install python3-psycopg2)" >&2; exit 1; }

./mvnw -q -B package -DskipTests
psql -q -d postgres -c "drop database if exists $db with (force)" -c "create database $db"
export SNOWPULSE_CONFIG_DIR="$(mktemp -d)" PGDATABASE="$db" SNOWPULSE_LOCAL_DEMO=external
snowpulse() { "$JAVA_HOME/bin/java" -Djava.util.logging.config.file=src/main/resources/dev/snowpulse/logging.properties -jar target/snowpulse.jar "$@"; }
snowpulse init --reset-data --stock 1000000000 >/dev/null

pgbench_rate() { psql -q -d postgres -c checkpoint; pgbench -n -M prepared -c "$1" -j "$(( $1 < 2 ? 1 : 2 ))" -T "$seconds" \
                   -f src/bench/pgbench/place_order_q3.sql "$db" 2>&1 | grep -oP 'tps = \K[0-9.]+(?= \(without)'; }
snowpulse_rate() { psql -q -d postgres -c checkpoint; snowpulse workload --workers "$1" --duration "${seconds}s" \
                     --min-quantity 1 --max-quantity 3 --warm-up 2s --json | grep -oP '"orders_per_second" : \K[0-9.]+'; }
python_rate() { psql -q -d postgres -c checkpoint; SEED_DSN="host=$PGHOST port=$PGPORT user=$PGUSER dbname=$db" \
                  "$python" src/bench/python/seed_driver.py "$1" "$seconds" 10 10 | awk '{ printf "%.1f\n", $1 / $3 }'; }

rounds="${ROUNDS:-5}"
echo "place_order(customer 1..10, product 1..10, quantity 1..3), ${seconds} s per run, successful orders/s;"
echo "${rounds} rounds per client count, the three tools in a rotating order in each; ratios are medians of the per-round ratios"
printf '%-8s %12s %12s %14s %14s %16s\n' clients pgbench snowpulse "seed python" "vs pgbench" "vs seed python"
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
round=0
for clients in ${CLIENTS:-1 4 8 16}; do
  pgs=() sps=() pys=() vs_pg=() vs_py=()
  for (( r = 0; r < rounds; r++ )); do
    # the machine's throughput drifts by tens of percent from minute to minute, so each round compares the tools
    # run back to back, in an order that rotates so none always runs first
    case $(( round++ % 3 )) in
      0) order="pg sp py" ;;
      1) order="sp py pg" ;;
      *) order="py pg sp" ;;
    esac
    for tool in $order; do
      case $tool in
        pg) pg=$(pgbench_rate "$clients") ;;
        sp) sp=$(snowpulse_rate "$clients") ;;
        py) py=$(python_rate "$clients") ;;
      esac
    done
    pgs+=("$pg") sps+=("$sp") pys+=("$py")
    vs_pg+=("$(awk -v a="$sp" -v b="$pg" 'BEGIN { print a / b }')") vs_py+=("$(awk -v a="$sp" -v b="$py" 'BEGIN { print a / b }')")
  done
  awk -v c="$clients" -v pg="$(printf '%s\n' "${pgs[@]}" | median)" -v sp="$(printf '%s\n' "${sps[@]}" | median)" \
      -v py="$(printf '%s\n' "${pys[@]}" | median)" -v rpg="$(printf '%s\n' "${vs_pg[@]}" | median)" \
      -v rpy="$(printf '%s\n' "${vs_py[@]}" | median)" -v all="$(printf '%.2f ' "${vs_pg[@]}")" 'BEGIN {
    printf "%-8d %12.0f %12.0f %14.0f %13.2fx %15.1fx   (rounds vs pgbench: %s)\n", c, pg, sp, py, rpg, rpy, all }'
done

echo
echo "the seed's default run: 4 workers x 250 orders, orders/s as each reports it (SnowPulse: a cold JVM, no warm-up)"
psql -q -d postgres -c checkpoint
sp=$(snowpulse workload --workers 4 --orders-per-worker 250 --min-quantity 1 --max-quantity 3 --json | grep -oP '"orders_per_second" : \K[0-9.]+')
psql -q -d postgres -c checkpoint
py=$(SEED_DSN="host=$PGHOST port=$PGPORT user=$PGUSER dbname=$db" "$python" src/bench/python/seed_driver.py 4 0 10 10 250 | awk '{ printf "%.1f\n", $1 / $3 }')
awk -v sp="$sp" -v py="$py" 'BEGIN { printf "snowpulse %.0f orders/s, seed python %.0f orders/s: %.1fx\n", sp, py, sp / py }'
