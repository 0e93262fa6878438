package dev.snowpulse.workload;

import dev.snowpulse.db.PostgresEndpoint;
import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.profile.SecretRef;
import dev.snowpulse.profile.SecretSource;
import dev.snowpulse.profile.SslMode;
import dev.snowpulse.testing.Pgbench;
import dev.snowpulse.testing.RoundTripRelay;
import dev.snowpulse.testing.Sql;
import dev.snowpulse.testing.TestPostgres;
import dev.snowpulse.workload.script.ScriptPlan;
import dev.snowpulse.workload.script.ScriptSources;
import dev.snowpulse.workload.script.WeightedScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** pgbench scripts run by the workload engine on the real server, against databases pgbench itself made. */
class ScriptedWorkloadTest {

    @RegisterExtension
    static TestPostgres pg = new TestPostgres();

    @TempDir
    Path dir;

    private static WorkloadSpec spec(int workers, int transactionsEach, ScriptPlan plan) {
        return new WorkloadSpec(workers, transactionsEach, null, 1, 1, 1, 1, null, Duration.ZERO).withScripts(plan);
    }

    private static long scale(PostgresEndpoint db) throws Exception {
        try (Connection c = db.connect()) {
            return PgbenchTables.scale(c).orElseThrow();
        }
    }

    private WeightedScript file(String name, String text, int weight) throws Exception {
        Path path = dir.resolve(name);
        Files.writeString(path, text);
        return ScriptSources.file(path + "@" + weight, Set.of());
    }

    private static long number(PostgresEndpoint db, String sql) throws Exception {
        return Long.parseLong(Sql.single(db, sql));
    }

    @Test
    void tpcbLikeOnADatabaseMadeByPgbenchKeepsTpcbsBalancesInAgreement() throws Exception {
        assumeTrue(Pgbench.available(), "pgbench 15 is part of the postgresql-15 package CI installs");
        PostgresSettings settings = pg.freshDatabase();
        Pgbench.Result init = Pgbench.run(settings.database(), "-i", "-s", "2", "-q");
        assertThat(init.exit()).as(init.err()).isZero();
        PostgresEndpoint db = TestPostgres.endpoint(settings);
        ScriptPlan plan = new ScriptPlan(List.of(ScriptSources.builtin("tpcb-like", Set.of())), Map.of(), scale(db), 1);

        WorkloadResult result = WorkloadRun.start(db, spec(4, 250, plan)).await();

        assertThat(result.counts().failures()).as(result.counts().toString()).isZero();
        assertThat(result.counts().ok()).isEqualTo(1_000);
        assertThat(plan.scale()).isEqualTo(2);
        assertThat(number(db, "select count(*) from pgbench_history")).isEqualTo(1_000);
        long delta = number(db, "select sum(delta) from pgbench_history");
        assertThat(number(db, "select sum(abalance) from pgbench_accounts")).isEqualTo(delta);
        assertThat(number(db, "select sum(tbalance) from pgbench_tellers")).isEqualTo(delta);
        assertThat(number(db, "select sum(bbalance) from pgbench_branches")).isEqualTo(delta);
        // :scale is 2: a thousand accounts drawn from 1..200,000 reach beyond the first branch's 100,000
        assertThat(number(db, "select max(aid) from pgbench_history")).isGreaterThan(100_000);
        assertThat(number(db, "select max(bid) from pgbench_history")).isEqualTo(2);
    }

    @Test
    void aThreeToOneMixLandsThreeToOne() throws Exception {
        PostgresEndpoint db = TestPostgres.endpoint(pg.freshDatabase());
        Sql.execute(db, "create table picked (script text not null)");
        ScriptPlan plan = new ScriptPlan(List.of(
                file("a.sql", "INSERT INTO picked VALUES ('a');\n", 3),
                file("b.sql", "INSERT INTO picked VALUES ('b');\n", 1)), Map.of(), 1, 1);

        WorkloadResult result = WorkloadRun.start(db, spec(4, 1_000, plan)).await();

        assertThat(result.counts().ok()).isEqualTo(4_000);
        long a = number(db, "select count(*) from picked where script = 'a'");
        long b = number(db, "select count(*) from picked where script = 'b'");
        assertThat(a + b).isEqualTo(4_000);
        double chiSquare = Math.pow(a - 3_000, 2) / 3_000 + Math.pow(b - 1_000, 2) / 1_000;
        // one degree of freedom: exceeded by chance with probability 1e-6
        assertThat(chiSquare).as("a %d, b %d", a, b).isLessThan(23.93);
    }

    @Test
    void tpcbLikeTakesOneRoundTripFewerThanPgbenchForTheSameStatements() throws Exception {
        assumeTrue(Pgbench.available(), "pgbench 15 is part of the postgresql-15 package CI installs");
        PostgresSettings settings = pg.freshDatabase();
        assertThat(Pgbench.run(settings.database(), "-i", "-s", "1", "-q").exit()).isZero();
        try (RoundTripRelay relay = RoundTripRelay.start()) {
            PostgresEndpoint relayed = new PostgresEndpoint(new PostgresSettings(TestPostgres.HOST, relay.port(), settings.database(),
                    TestPostgres.USER, SslMode.DISABLE, null, "snowpulse-test", SecretRef.of(SecretSource.NONE)), Optional.empty());
            ScriptPlan plan = new ScriptPlan(List.of(ScriptSources.builtin("tpcb-like", Set.of())), Map.of(), 1, 1);
            // two run lengths, so what a session costs to open cancels out
            long pgbench = perTransaction(relay, 50, 150, n -> assertThat(Pgbench.runAt(relay.port(), settings.database(),
                    "-n", "-M", "extended", "-b", "tpcb-like", "-c", "1", "-t", Integer.toString(n)).exit()).isZero());
            long snowpulse = perTransaction(relay, 50, 150, n -> assertThat(WorkloadRun.start(relayed, spec(1, n, plan)).await()
                    .counts().ok()).isEqualTo(n));

            // BEGIN, three UPDATEs, a SELECT, an INSERT and END: pgbench waits for each; the driver sends BEGIN with the first
            assertThat(pgbench).isEqualTo(7);
            assertThat(snowpulse).isEqualTo(6);

            // a \\sleep right after BEGIN: the transaction starts when pgbench's does, before the sleep
            Path slept = dir.resolve("slept.sql");
            Files.writeString(slept, "BEGIN;\n\\sleep 1 ms\nSELECT 1;\nEND;\n");
            ScriptPlan sleeping = new ScriptPlan(List.of(ScriptSources.file(slept.toString(), Set.of())), Map.of(), 1, 1);
            assertThat(perTransaction(relay, 20, 60, n -> assertThat(Pgbench.runAt(relay.port(), settings.database(),
                    "-n", "-M", "extended", "-f", slept.toString(), "-c", "1", "-t", Integer.toString(n)).exit()).isZero())).isEqualTo(3);
            assertThat(perTransaction(relay, 20, 60, n -> assertThat(WorkloadRun.start(relayed, spec(1, n, sleeping)).await()
                    .counts().ok()).isEqualTo(n))).isEqualTo(3);
        }
        PostgresEndpoint db = TestPostgres.endpoint(settings);
        long delta = number(db, "select sum(delta) from pgbench_history");
        assertThat(number(db, "select count(*) from pgbench_history")).isEqualTo(400);
        assertThat(number(db, "select sum(bbalance) from pgbench_branches")).isEqualTo(delta);
    }

    private interface Runs {
        void of(int transactions) throws Exception;
    }

    private static long perTransaction(RoundTripRelay relay, int shorter, int longer, Runs runs) throws Exception {
        long before = relay.clientFlushes();
        runs.of(shorter);
        long middle = relay.clientFlushes();
        runs.of(longer);
        long after = relay.clientFlushes();
        long difference = (after - middle) - (middle - before);
        assertThat(difference % (longer - shorter)).as("flushes %d then %d", middle - before, after - middle).isZero();
        return difference / (longer - shorter);
    }

    @Test
    void aScriptThatEndsInsideATransactionStopsTheRunAsPgbenchDoes() throws Exception {
        PostgresEndpoint db = TestPostgres.endpoint(pg.freshDatabase());
        Sql.execute(db, "create table left_open (n int)");
        for (String begin : List.of("BEGIN;", "BEGIN ISOLATION LEVEL REPEATABLE READ;")) {
            ScriptPlan plan = new ScriptPlan(List.of(file("open.sql", begin + "\ninsert into left_open values (1);\n", 1)), Map.of(), 1, 1);
            WorkloadResult result = WorkloadRun.start(db, spec(1, 3, plan)).await();
            assertThat(result.failure()).as(begin).contains("open.sql: end of script reached without completing the last transaction");
        }
        // the open transaction was rolled back, not committed by the driver as autocommit is switched back on
        assertThat(Sql.single(db, "select count(*) from left_open")).isEqualTo("0");
    }

    @Test
    void perScriptAndPerCommandFiguresAddUpToTheRunAndNameTheFailingCommand() throws Exception {
        PostgresEndpoint db = TestPostgres.endpoint(pg.freshDatabase());
        Sql.execute(db, "create table picked (script text not null)");
        WeightedScript insert = file("insert.sql", "INSERT INTO picked VALUES ('a');\n", 1);
        // one in four divides by zero on its second command
        WeightedScript divide = file("divide.sql", "\\set x random(1, 4)\nSELECT 1 / (:x - 1);\n", 1);
        ScriptPlan plan = new ScriptPlan(List.of(insert, divide), Map.of(), 1, 1, true);

        WorkloadRun run = WorkloadRun.start(db, spec(2, 500, plan));
        WorkloadResult result = run.await();
        List<dev.snowpulse.workload.script.ScriptReport> report = run.scriptReport(result.elapsed());

        assertThat(report).extracting(dev.snowpulse.workload.script.ScriptReport::name).containsExactly(
                dir.resolve("insert.sql").toString(), dir.resolve("divide.sql").toString());
        assertThat(report.get(0).transactions()).isEqualTo(number(db, "select count(*) from picked"));
        assertThat(report.get(0).transactions() + report.get(1).transactions()).isEqualTo(1_000);
        long divisionsByZero = result.counts().otherBySqlState().getOrDefault("22012", 0L);
        assertThat(divisionsByZero).isPositive().isEqualTo(result.counts().failures()).isEqualTo(report.get(1).failed());
        var divideCommands = report.get(1).commands();
        assertThat(divideCommands).extracting(dev.snowpulse.workload.script.ScriptReport.CommandReport::source)
                .containsExactly("\\set x random(1, 4)", "SELECT 1 / (:x - 1);");
        assertThat(divideCommands.get(0).failures()).isZero();
        assertThat(divideCommands.get(1).failures()).isEqualTo(divisionsByZero);
        assertThat(divideCommands.get(1).latencyAvgMs()).isPositive().isLessThan(report.get(1).latencyAvgMs() + 1);
        assertThat(report.get(0).tps() + report.get(1).tps()).isCloseTo(result.ordersPerSecond(), org.assertj.core.data.Percentage.withPercentage(1));
    }

    /**
     * Two clients update the same two rows in opposite orders, each waiting (on the server) until the other holds its
     * first row: a deadlock every time, which PostgreSQL breaks by failing one of them with 40P01.
     */
    private ScriptPlan deadlocking(PostgresEndpoint db, int maxTries) throws Exception {
        Sql.execute(db, "create table pair (id int primary key, v int not null); insert into pair values (1, 0), (2, 0)");
        Sql.execute(db, """
                create function await_peer() returns void language plpgsql as $$
                begin
                  for i in 1..4000 loop
                    perform pg_stat_clear_snapshot();
                    -- the other client holds its first row, or has already committed both
                    if exists (select 1 from pg_stat_activity where application_name = current_setting('application_name')
                               and pid <> pg_backend_pid() and backend_xid is not null)
                       or (select sum(v) from pair) > 1 then
                      return;
                    end if;
                    perform pg_sleep(0.005);
                  end loop;
                  raise exception 'the other client never came';
                end $$""");
        Sql.execute(db, "alter database " + db.settings().database() + " set deadlock_timeout = '100ms'");
        Sql.execute(db, "create table draws (client int, r bigint)");
        return new ScriptPlan(List.of(file("deadlock.sql", """
                \\set first 1 + :client_id % 2
                \\set second 2 - :client_id % 2
                \\set r random(1, 1000000000000)
                INSERT INTO draws VALUES (:client_id, :r);
                BEGIN;
                UPDATE pair SET v = v + 1 WHERE id = :first;
                SELECT await_peer();
                UPDATE pair SET v = v + 1 WHERE id = :second;
                END;
                """, 1)), Map.of(), 1, maxTries, true);
    }

    @Test
    void aDeadlockIsRetriedAndCountedApartWithMaxTries() throws Exception {
        PostgresEndpoint db = TestPostgres.endpoint(pg.freshDatabase());
        ScriptPlan plan = deadlocking(db, 3);

        WorkloadRun run = WorkloadRun.start(db, spec(2, 1, plan));
        WorkloadResult result = run.await();

        assertThat(result.counts().failures()).as(result.counts().toString()).isZero();
        assertThat(result.counts().ok()).isEqualTo(2);
        assertThat(run.retried()).isEqualTo(1);
        assertThat(number(db, "select sum(v) from pair")).isEqualTo(4);
        // the retry drew the same random value again (pgbench 15 restores the random state): three rows, two values
        assertThat(number(db, "select count(*) from draws")).isEqualTo(3);
        assertThat(number(db, "select count(distinct r) from draws")).isEqualTo(2);
        // the try that failed is not the transaction's failure: no command counts one
        var report = run.scriptReport(result.elapsed()).getFirst();
        assertThat(report.retriedTransactions()).isEqualTo(1);
        assertThat(report.commands()).allSatisfy(c -> assertThat(c.failures()).as(c.source()).isZero());
    }

    @Test
    void withoutRetriesTheDeadlockIsAFailureCountedBySqlState() throws Exception {
        PostgresEndpoint db = TestPostgres.endpoint(pg.freshDatabase());
        ScriptPlan plan = deadlocking(db, 1);

        WorkloadRun run = WorkloadRun.start(db, spec(2, 1, plan));
        WorkloadResult result = run.await();

        assertThat(result.counts().ok()).isEqualTo(1);
        assertThat(result.counts().otherBySqlState()).isEqualTo(Map.of("40P01", 1L));
        assertThat(run.retried()).isZero();
        var commands = run.scriptReport(result.elapsed()).getFirst().commands();
        assertThat(commands.stream().mapToLong(dev.snowpulse.workload.script.ScriptReport.CommandReport::failures).sum()).isEqualTo(1);
        assertThat(commands.stream().filter(c -> c.failures() == 1).findFirst().orElseThrow().source())
                .isEqualTo("UPDATE pair SET v = v + 1 WHERE id = :second;");
        // the failed transaction was rolled back whole: only the survivor's two updates remain
        assertThat(number(db, "select sum(v) from pair")).isEqualTo(2);
    }

    @Test
    void initPgbenchMakesTheTablesPgbenchMakesAndPgbenchRunsOnThem() throws Exception {
        assumeTrue(Pgbench.available(), "pgbench 15 is part of the postgresql-15 package CI installs");
        PostgresSettings theirs = pg.freshDatabase();
        assertThat(Pgbench.run(theirs.database(), "-i", "-s", "1", "-q").exit()).isZero();
        PostgresSettings ours = pg.freshDatabase();
        List<String> steps = new java.util.ArrayList<>();

        PgbenchTables.initialize(TestPostgres.endpoint(ours), 1, steps::add);

        assertThat(steps).contains("creating primary keys");
        String shape = """
                select string_agg(format('%s.%s %s %s', c.table_name, c.column_name, c.data_type, c.is_nullable), ', '
                                  order by c.table_name, c.ordinal_position)
                from information_schema.columns c where c.table_name like 'pgbench%'""";
        String keys = """
                select string_agg(format('%s %s', conrelid::regclass, pg_get_constraintdef(oid)), ', ' order by conrelid::regclass::text)
                from pg_constraint where conrelid::regclass::text like 'pgbench%'""";
        String options = """
                select string_agg(format('%s %s', relname, reloptions), ', ' order by relname)
                from pg_class where relname like 'pgbench%' and relkind = 'r'""";
        String rows = """
                select format('%s %s %s %s', (select count(*) from pgbench_branches), (select count(*) from pgbench_tellers),
                              (select count(*) from pgbench_accounts), (select count(*) from pgbench_history))""";
        PostgresEndpoint pgbenchs = TestPostgres.endpoint(theirs);
        PostgresEndpoint snowpulses = TestPostgres.endpoint(ours);
        for (String query : List.of(shape, keys, options, rows)) {
            assertThat(Sql.single(snowpulses, query)).isEqualTo(Sql.single(pgbenchs, query));
        }
        assertThat(scale(snowpulses)).isEqualTo(1);

        Pgbench.Result run = Pgbench.run(ours.database(), "-n", "-c", "2", "-t", "50", "-b", "tpcb-like");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("number of failed transactions: 0");
    }

    @Test
    void definitionsWinOverTheAutomaticVariablesAndTheSeedsAreTheRunsAsInPgbench() throws Exception {
        PostgresEndpoint db = TestPostgres.endpoint(pg.freshDatabase());
        Sql.execute(db, "create table seen (client int, scale bigint, random_seed bigint, default_seed bigint, h bigint)");
        ScriptPlan plan = new ScriptPlan(List.of(file("seen.sql",
                "\\set h hash(42)\nINSERT INTO seen VALUES (:client_id, :scale, :random_seed, :default_seed, :h);\n", 1)),
                Map.of("scale", dev.snowpulse.workload.script.Value.of(7L)), 1, 1);

        WorkloadRun.start(db, spec(4, 2, plan)).await();

        assertThat(Sql.single(db, "select string_agg(distinct client::text, ',' order by client::text) from seen")).isEqualTo("0,1,2,3");
        assertThat(Sql.single(db, "select string_agg(distinct scale::text, ',') from seen")).isEqualTo("7");
        assertThat(number(db, "select count(distinct random_seed) + count(distinct default_seed) + count(distinct h) from seen")).isEqualTo(3);
    }

    @Test
    void aScriptThatCannotBeEvaluatedStopsTheRunNamingItsPlace() throws Exception {
        PostgresEndpoint db = TestPostgres.endpoint(pg.freshDatabase());
        ScriptPlan plan = new ScriptPlan(List.of(file("zero.sql", "SELECT 1;\n\\set x 1 / :zero\n", 1)),
                Map.of("zero", dev.snowpulse.workload.script.Value.of(0L)), 1, 1);

        WorkloadResult result = WorkloadRun.start(db, spec(1, 5, plan)).await();

        assertThat(result.failed()).isTrue();
        assertThat(result.failure()).endsWith("zero.sql:2: division by zero (in \\set x 1 / :zero)");
    }
}
