#!/usr/bin/env bash
# KPI read cost at 100k, 1M and 10M orders, and what the KPI design costs writers (pgbench), in one run.
# Usage: src/bench/kpi-benchmark.sh [database] [pgbench-seconds]
# Needs: JDK 25 (JAVA_HOME), pgbench, a PostgreSQL reachable with PGHOST/PGPORT/PGUSER (default 127.0.0.1:5432, postgres).
# The database (default snowpulse_bench) is dropped and created anew; loading 10M orders takes a few minutes.
set -euo pipefail
cd "$(dirname "$0")/../.."
db="${1:-snowpulse_bench}"
seconds="${2:-5}"
: "${JAVA_HOME:?point JAVA_HOME at a JDK 25}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
./mvnw -q -B package -DskipTests
psql -q -d postgres -c "drop database if exists $db with (force)" -c "create database $db"
"$JAVA_HOME/bin/java" -Djava.util.logging.config.file=src/main/resources/dev/snowpulse/logging.properties -cp "target/classes:target/lib/*" src/bench/java/dev/snowpulse/bench/KpiBenchmark.java "$db" "$seconds"
