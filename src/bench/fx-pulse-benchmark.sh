#!/usr/bin/env bash
# FX thread pulse gaps while 16 workers drive place_order and the KPIs tab refreshes every second, in the real window.
# Usage: src/bench/fx-pulse-benchmark.sh [database] [seconds] [workers] [refresh: OFF|S1|S2|S5...] [warm-up seconds]
# Needs: JDK 25 (JAVA_HOME), a PostgreSQL reachable with PGHOST/PGPORT/PGUSER (default 127.0.0.1:5432, postgres),
# and a display: DISPLAY, or Xvfb installed (a 1280x800 one is started on :97 for the run).
set -euo pipefail
cd "$(dirname "$0")/../.."
db="${1:-snowpulse_fxbench}"
seconds="${2:-30}"
workers="${3:-16}"
refresh="${4:-S1}"
warm_up="${5:-10}"
: "${JAVA_HOME:?point JAVA_HOME at a JDK 25}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
./mvnw -q -B package -DskipTests
psql -q -d postgres -c "drop database if exists $db with (force)" -c "create database $db"
config="$(mktemp -d)"
trap 'rm -rf "$config"; [ -n "${xvfb:-}" ] && kill "$xvfb"' EXIT
if [ -z "${DISPLAY:-}" ]; then
  # in a session of its own, as a desktop's display server is: Linux (autogroup) shares CPU time between sessions
  setsid Xvfb :97 -screen 0 1280x800x24 >/dev/null 2>&1 & xvfb=$!
  export DISPLAY=:97
fi
# the Local demo on the benchmark database, initialised and stocked so no order runs out
SNOWPULSE_CONFIG_DIR="$config" SNOWPULSE_DATA_DIR="$config" SNOWPULSE_LOCAL_DEMO=external PGDATABASE="$db" \
  "$JAVA_HOME/bin/java" -jar target/snowpulse.jar init --reset-data --stock 100000000 >/dev/null
SNOWPULSE_CONFIG_DIR="$config" SNOWPULSE_DATA_DIR="$config" SNOWPULSE_LOCAL_DEMO=external PGDATABASE="$db" \
  "$JAVA_HOME/bin/java" ${BENCH_JAVA_OPTS:-} -Djava.util.logging.config.file=src/main/resources/dev/snowpulse/logging.properties \
  -cp "target/classes:target/lib/*" src/bench/java/dev/snowpulse/bench/FxPulseBenchmark.java "$seconds" "$workers" "$refresh" "$warm_up"
