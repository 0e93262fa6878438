#!/usr/bin/env bash
# What the Server tab costs: writers (pgbench place_order at 8 clients) with and without the tab's polling, and one
# refresh with 200 connected idle sessions, side by side in one run.
# Usage: [CYCLES=20] [WINDOW=8] src/bench/server-tab-benchmark.sh
# Needs: JDK 25 (JAVA_HOME), PostgreSQL 15's binaries (initdb, pg_ctl, pgbench), an ordinary user (PostgreSQL refuses
# to run as root: as root, run it with runuser -u <user>). It starts a private server of its own on port 5499 with
# pg_stat_statements loaded (so the tab's second read is measured too), max_connections 300 and no checkpoint due
# within the run (one would land in one window only), and stops it at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${JAVA_HOME:?point JAVA_HOME at a JDK 25}"
bin=/usr/lib/postgresql/15/bin
[ "$(id -u)" != 0 ] || { echo "PostgreSQL refuses to run as root: run this as an ordinary user" >&2; exit 1; }
./mvnw -q -B package -DskipTests
dir="$(mktemp -d)"
trap '"$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true; rm -rf "$dir"' EXIT
"$bin/initdb" -D "$dir/data" -U postgres -A trust --no-sync >/dev/null
"$bin/pg_ctl" -D "$dir/data" -w -l "$dir/server.log" \
  -o "-p 5499 -c listen_addresses=127.0.0.1 -k $dir -c shared_preload_libraries=pg_stat_statements -c max_connections=300 -c checkpoint_timeout=30min -c max_wal_size=8GB" start >/dev/null
export PGHOST=127.0.0.1 PGPORT=5499 PGUSER=postgres
"$JAVA_HOME/bin/java" -Djava.util.logging.config.file=src/main/resources/dev/snowpulse/logging.properties \
  -cp "target/classes:target/lib/*" src/bench/java/dev/snowpulse/bench/ServerTabBenchmark.java \
  "${CYCLES:-20}" "${WINDOW:-8}"
