#!/usr/bin/env bash
# SnowPulse running pgbench scripts against pgbench running the same script files, side by side in one run: pgbench's
# own tpcb-like (at scale 10) and the demo's place_order as a script, at 1, 4, 8 and 16 clients, and the client CPU each
# tool spends per transaction (user + system time of the tool's whole process, from /proc: for SnowPulse, the JVM's
# start and its JIT compiler included). SnowPulse's tps is after a 2 s warm-up (its JIT), as in workload-benchmark.sh.
# Usage: [SCRIPTS="tpcb-like place_order"] [CLIENTS="1 4 8 16"] [ROUNDS=3] src/bench/script-benchmark.sh [database] [seconds per measurement]
# Needs: JDK 25 (JAVA_HOME), pgbench, a PostgreSQL reachable with PGHOST/PGPORT/PGUSER (default 127.0.0.1:5432,
# postgres). The database (default snowpulse_sbench) is created anew.
set -euo pipefail
cd "$(dirname "$0")/../.."
db="${1:-snowpulse_sbench}"
seconds="${2:-15}"
: "${JAVA_HOME:?point JAVA_HOME at a JDK 25}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
pgbench=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench | tail -n 1)

./mvnw -q -B package -DskipTests
psql -q -d postgres -c "drop database if exists $db with (force)" -c "create database $db"
export SNOWPULSE_CONFIG_DIR="$(mktemp -d)" PGDATABASE="$db" SNOWPULSE_LOCAL_DEMO=external
snowpulse() { "$JAVA_HOME/bin/java" -Djava.util.logging.config.file=src/main/resources/dev/snowpulse/logging.properties -jar target/snowpulse.jar "$@"; }
snowpulse init --reset-data --stock 1000000000 >/dev/null
"$pgbench" -i -s 10 -q "$db" >/dev/null 2>&1

# both tools read the same files: pgbench's tpcb-like as its documentation prints it, and place_order's script;
# both are told -s 10, since a script file's :scale is 1 otherwise (only built-in scripts count pgbench_branches)
scripts="$(mktemp -d)"
cat > "$scripts/tpcb-like.sql" <<'SQL'
\set aid random(1, 100000 * :scale)
\set bid random(1, 1 * :scale)
\set tid random(1, 10 * :scale)
\set delta random(-5000, 5000)
BEGIN;
UPDATE pgbench_accounts SET abalance = abalance + :delta WHERE aid = :aid;
SELECT abalance FROM pgbench_accounts WHERE aid = :aid;
UPDATE pgbench_tellers SET tbalance = tbalance + :delta WHERE tid = :tid;
UPDATE pgbench_branches SET bbalance = bbalance + :delta WHERE bid = :bid;
INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (:tid, :bid, :aid, :delta, CURRENT_TIMESTAMP);
END;
SQL
cp src/bench/pgbench/place_order_q3.sql "$scripts/place_order.sql"

# CPU seconds (user + system) of the command's process tree, as the kernel charged them to the waiting shell
# (/proc/self/stat's cutime and cstime, in clock ticks), printed on stderr's last line
ticks=$(getconf CLK_TCK)
with_cpu() { bash -c '"$@" 2>&1; read -ra s < /proc/$$/stat; echo "cpu_ticks ${s[15]} ${s[16]}"' _ "$@"; }

# prints "tps cpu_ms_per_transaction"
pgbench_run() { psql -q -d postgres -c checkpoint
  with_cpu "$pgbench" -n -M prepared -s 10 -c "$2" -j "$(( $2 < 2 ? 1 : 2 ))" -T "$seconds" -f "$scripts/$1.sql" "$db" |
    awk -v hz="$ticks" '/^tps = .*without/ { tps = $3 } /^number of transactions actually processed/ { n = $6; sub("/.*", "", n) }
      /^cpu_ticks/ { cpu = ($2 + $3) / hz } END { printf "%.1f %.4f\n", tps, 1000 * cpu / n }'; }
snowpulse_run() { psql -q -d postgres -c checkpoint
  with_cpu "$JAVA_HOME/bin/java" -Djava.util.logging.config.file=src/main/resources/dev/snowpulse/logging.properties \
      -jar target/snowpulse.jar workload -f "$scripts/$1.sql" -s 10 --workers "$2" \
      --duration "${seconds}s" --warm-up 2s --json |
    awk -v hz="$ticks" '/"orders_per_second"/ { gsub(",", ""); tps = $3 } /"ok"/ { gsub(",", ""); n = $3 }
      /^cpu_ticks/ { cpu = ($2 + $3) / hz } END { printf "%.1f %.4f\n", tps, 1000 * cpu / n }'; }

rounds="${ROUNDS:-3}"
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
echo "the same script files, ${seconds} s per run, successful transactions/s; ${rounds} rounds per row, the two tools in"
echo "alternating order; ratios are medians of the per-round ratios; CPU is the client process's user + system ms per transaction"
printf '%-12s %-8s %10s %10s %10s %12s %12s %10s\n' script clients pgbench snowpulse "vs pgbench" "pgbench cpu" "sp cpu" "cpu ratio"
round=0
for script in ${SCRIPTS:-tpcb-like place_order}; do
  for clients in ${CLIENTS:-1 4 8 16}; do
    pgs=() sps=() ratios=() pgcpu=() spcpu=()
    for (( r = 0; r < rounds; r++ )); do
      if (( round++ % 2 == 0 )); then pg=$(pgbench_run "$script" "$clients"); sp=$(snowpulse_run "$script" "$clients")
      else sp=$(snowpulse_run "$script" "$clients"); pg=$(pgbench_run "$script" "$clients"); fi
      read -r pg_tps pg_cpu <<< "$pg"; read -r sp_tps sp_cpu <<< "$sp"
      pgs+=("$pg_tps") sps+=("$sp_tps") pgcpu+=("$pg_cpu") spcpu+=("$sp_cpu")
      ratios+=("$(awk -v a="$sp_tps" -v b="$pg_tps" 'BEGIN { print a / b }')")
    done
    awk -v s="$script" -v c="$clients" -v pg="$(printf '%s\n' "${pgs[@]}" | median)" -v sp="$(printf '%s\n' "${sps[@]}" | median)" \
        -v r="$(printf '%s\n' "${ratios[@]}" | median)" -v pc="$(printf '%s\n' "${pgcpu[@]}" | median)" \
        -v sc="$(printf '%s\n' "${spcpu[@]}" | median)" -v all="$(printf '%.2f ' "${ratios[@]}")" 'BEGIN {
      printf "%-12s %-8d %10.0f %10.0f %9.2fx %12.4f %12.4f %9.1fx   (rounds: %s)\n", s, c, pg, sp, r, pc, sc, sc / pc, all }'
  done
done
