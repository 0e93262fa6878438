#!/usr/bin/env bash
# SnowPulse's load engine against pgbench and against the seed project's Python driver, side by side in one run.
# Usage: src/bench/workload-benchmark.sh [database] [seconds per measurement]
# Needs: JDK 25 (JAVA_HOME), pgbench, python3 with psycopg2 (Debian: python3-psycopg2), a PostgreSQL reachable with
# PGHOST/PGPORT/PGUSER (default 127.0.0.1:5432, postgres). The database (default snowpulse_wbench) is created anew.
# Each tool runs the same orders: place_order(customer 1..10, product 1..10, quantity 1..3), for the same time,
# with the same number of clients, one after the other, in an order that rotates, twice.
set -euo pipefail
cd "$(dirname "$0")/../.."
db="${1:-snowpulse_wbench}"
seconds="${2:-10}"
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

echo "place_order(customer 1..10, product 1..10, quantity 1..3), ${seconds} s per run, successful orders/s, best of 2 runs"
printf '%-8s %12s %12s %14s %14s %16s\n' clients pgbench snowpulse "seed python" "vs pgbench" "vs seed python"
for clients in 1 4 16; do
  best() { local a b; a=$("$@"); b=$("$@"); awk -v a="$a" -v b="$b" 'BEGIN { print (a > b ? a : b) }'; }
  pg=$(best pgbench_rate "$clients")
  sp=$(best snowpulse_rate "$clients")
  py=$(best python_rate "$clients")
  awk -v c="$clients" -v pg="$pg" -v sp="$sp" -v py="$py" 'BEGIN {
    printf "%-8d %12.0f %12.0f %14.0f %13.2fx %15.1fx\n", c, pg, sp, py, sp / pg, sp / py }'
done
