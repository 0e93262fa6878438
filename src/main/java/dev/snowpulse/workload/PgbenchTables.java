package dev.snowpulse.workload;

import dev.snowpulse.db.PostgresEndpoint;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * pgbench's four tables, as {@code pgbench -i} makes them (its default steps: drop, create, generate, vacuum,
 * primary keys): 1 branch, 10 tellers and 100,000 accounts per unit of scale, every balance 0, an empty history,
 * fillfactor 100. The rows are generated on the server, as {@code pgbench -i -I dtGvp} does.
 */
public final class PgbenchTables {

    public static final int MAX_SCALE = 10_000;

    private PgbenchTables() {
    }

    /** The scale of the database's pgbench tables, as pgbench reads it (branches counted); empty when there are none. */
    public static OptionalLong scale(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select to_regclass('pgbench_branches') is not null")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return OptionalLong.empty();
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from pgbench_branches")) {
            rs.next();
            return OptionalLong.of(rs.getLong(1));
        }
    }

    public static void initialize(PostgresEndpoint endpoint, int scale, Consumer<String> progress) throws SQLException {
        if (scale < 1 || scale > MAX_SCALE) {
            throw new IllegalArgumentException("--scale: " + scale + " is outside 1.." + MAX_SCALE);
        }
        try (Connection c = endpoint.connect(); Statement s = c.createStatement()) {
            progress.accept("dropping old tables");
            s.execute("drop table if exists pgbench_accounts, pgbench_branches, pgbench_history, pgbench_tellers");
            progress.accept("creating tables");
            s.execute("create table pgbench_history (tid int, bid int, aid int, delta int, mtime timestamp, filler char(22))");
            s.execute("create table pgbench_tellers (tid int not null, bid int, tbalance int, filler char(84)) with (fillfactor = 100)");
            s.execute("create table pgbench_accounts (aid int not null, bid int, abalance int, filler char(84)) with (fillfactor = 100)");
            s.execute("create table pgbench_branches (bid int not null, bbalance int, filler char(88)) with (fillfactor = 100)");
            progress.accept("generating data (server-side), " + (100_000L * scale) + " accounts");
            c.setAutoCommit(false);
            s.execute("insert into pgbench_branches (bid, bbalance) select bid, 0 from generate_series(1, " + scale + ") as bid");
            s.execute("insert into pgbench_tellers (tid, bid, tbalance) select tid, (tid - 1) / 10 + 1, 0 from generate_series(1, "
                    + (10 * scale) + ") as tid");
            s.execute("insert into pgbench_accounts (aid, bid, abalance, filler) select aid, (aid - 1) / 100000 + 1, 0, '' "
                    + "from generate_series(1, " + (100_000L * scale) + ") as aid");
            c.commit();
            c.setAutoCommit(true);
            progress.accept("vacuuming");
            s.execute("vacuum analyze pgbench_branches, pgbench_tellers, pgbench_accounts, pgbench_history");
            progress.accept("creating primary keys");
            s.execute("alter table pgbench_branches add primary key (bid)");
            s.execute("alter table pgbench_tellers add primary key (tid)");
            s.execute("alter table pgbench_accounts add primary key (aid)");
        }
    }
}
