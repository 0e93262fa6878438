package dev.snowpulse.cli;

import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.testing.CliRunner;
import dev.snowpulse.testing.CliRunner.Run;
import dev.snowpulse.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WorkloadCliTest {

    @RegisterExtension
    static TestPostgres pg = new TestPostgres();

    @TempDir
    Path home;


    private Run run(String... args) {
        return new CliRunner(home).run(args);
    }

    private void profile(String name, String env, PostgresSettings db) {
        assertThat(new CliRunner(home).addProfile(name, env, db).exit()).isZero();
        assertThat(run("--profile", name, "init", "--confirm", name).exit()).isZero();
    }

    @Test
    void theSeedsFlagsRunAndPrintTheSummary() throws Exception {
        profile("shop", "dev", pg.freshDatabase());

        Run run = run("--profile", "shop", "workload", "--workers", "4", "--orders-per-worker", "25",
                "--max-customers", "10", "--max-products", "10");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("workload on 'shop'").contains("4 workers, 25 orders each")
                .contains("successes: 100").contains("failures: 0").containsPattern("orders/s: \\d+")
                .containsPattern("latency ms: avg [0-9.]+  p50 [0-9.]+  p95 [0-9.]+  p99 [0-9.]+  max [0-9.]+")
                .contains("sessions: snowpulse-workload-");
    }

    @Test
    void historyListsTheRunsInEveryFormat() throws Exception {
        profile("shop", "dev", pg.freshDatabase());
        assertThat(run("--profile", "shop", "workload", "--workers", "2", "--orders-per-worker", "5").exit()).isZero();

        Run table = run("--profile", "shop", "workload", "history");
        assertThat(table.exit()).as(table.err()).isZero();
        assertThat(table.out()).contains("=== Workload runs ===").contains("2 workers × 5 orders").contains("completed");

        Run csv = run("--profile", "shop", "workload", "history", "--format", "csv", "--limit", "1");
        assertThat(csv.out().lines()).hasSize(3);
        assertThat(csv.out().lines().toList().get(1)).startsWith("run_id,started_at,ended_at,status,plan,ok,");

        Run json = run("--profile", "shop", "workload", "history", "--format", "json");
        assertThat(json.out()).contains("\"ok\" : 10,").contains("\"status\" : \"completed\"");

        Run bad = run("--profile", "shop", "workload", "history", "--limit", "0");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--limit: must be 1 or more");
    }

    @Test
    void progressLinesAndJson() throws Exception {
        profile("shop", "dev", pg.freshDatabase());

        Run progress = run("--profile", "shop", "workload", "--workers", "2", "--duration", "2s", "--rate", "100", "--progress", "1");
        assertThat(progress.out()).containsPattern("progress: 1\\.\\d s, \\d+\\.\\d orders/s, lat avg [0-9.]+ ms p95 [0-9.]+ ms, failures 0");

        Run json = run("--profile", "shop", "workload", "--workers", "2", "--orders-per-worker", "10", "--max-products", "1",
                "--max-quantity", "60", "--min-quantity", "60", "--json");
        assertThat(json.exit()).isZero();
        assertThat(json.out()).contains("\"status\" : \"completed\"").contains("\"ok\" : 1").contains("\"out_of_stock\" : 19")
                .contains("\"latency_ms\"");
    }

    @Test
    void ingestPrintsEachBatchAndATotal() throws Exception {
        profile("shop", "dev", pg.freshDatabase());

        Run ingest = run("--profile", "shop", "ingest", "--interval", "100ms", "--batch-size", "3", "--batches", "3");

        assertThat(ingest.exit()).as(ingest.err()).isZero();
        assertThat(ingest.out()).contains("3 orders every 100ms, 3 batches").containsPattern("batch 1 at \\d\\d:\\d\\d:\\d\\d: 3 ok, 0 failed in \\d+ ms")
                .containsPattern("batch 3 at .*: 3 ok").contains("stopped: 9 ok, 0 failed");
        assertThat(run("--profile", "shop", "ingest", "--interval", "1s", "--interval-seconds", "2").exit()).isEqualTo(2);
    }

    @Test
    void aDatabaseWithoutTheSchemaSaysToInitialiseIt() throws Exception {
        PostgresSettings empty = pg.freshDatabase();
        new CliRunner(home).addProfile("empty", "dev", empty);
        Run run = run("--profile", "empty", "workload");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("no SnowPulse schema").contains("run `snowpulse init`");
    }

    @Test
    void badValuesAndProdAreRefused() throws Exception {
        profile("orders-prod", "prod", pg.freshDatabase());

        Run zero = run("--profile", "orders-prod", "workload", "--workers", "0");
        assertThat(zero.exit()).isEqualTo(2);
        assertThat(zero.err()).contains("workers: 0 is outside 1..256");
        assertThat(run("--profile", "orders-prod", "workload", "--duration", "soon").err()).contains("--duration: 'soon' is not a duration");

        Run guarded = run("--profile", "orders-prod", "workload", "--orders-per-worker", "1");
        assertThat(guarded.exit()).isEqualTo(1);
        assertThat(guarded.err()).contains("Running a workload refused on prod profile 'orders-prod'");
        assertThat(run("--profile", "orders-prod", "workload", "--workers", "1", "--orders-per-worker", "3", "--confirm", "orders-prod")
                .out()).contains("successes: 3");
    }

    @Test
    void pgbenchsTpcbLikeRunsOnTheTablesInitPgbenchMakes() throws Exception {
        PostgresSettings db = pg.freshDatabase();
        profile("shop", "dev", db);

        Run missing = run("--profile", "shop", "workload", "-b", "tpcb-like", "--orders-per-worker", "5");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("pgbench's tables are not in this database").contains("snowpulse workload init-pgbench --scale N");

        Run init = run("--profile", "shop", "workload", "init-pgbench", "--scale", "2");
        assertThat(init.exit()).as(init.err()).isZero();
        assertThat(init.out()).contains("generating data (server-side), 200000 accounts").contains("done: scale 2");

        Run tpcb = run("--profile", "shop", "workload", "-b", "tpcb@3", "-b", "select-only@1", "--workers", "4", "--orders-per-worker", "25");
        assertThat(tpcb.exit()).as(tpcb.err()).isZero();
        assertThat(tpcb.out()).contains("4 workers, 25 transactions each, scripts tpcb-like@3 + select-only@1, scale 2")
                .contains("successes: 100").contains("failures: 0").containsPattern("tps: \\d+").contains("retried: 0");
        var endpoint = dev.snowpulse.testing.TestPostgres.endpoint(db);
        String delta = dev.snowpulse.testing.Sql.single(endpoint, "select sum(delta) from pgbench_history");
        assertThat(dev.snowpulse.testing.Sql.single(endpoint, "select sum(abalance) from pgbench_accounts")).isEqualTo(delta);

        Run history = run("--profile", "shop", "workload", "history");
        assertThat(history.out()).contains("tpcb-like@3 + select-only@1 at scale 2").contains("completed");

        Run perCommand = run("--profile", "shop", "workload", "-b", "tpcb-like", "-r", "-s", "5", "--workers", "2", "--orders-per-worker", "10");
        assertThat(perCommand.exit()).as(perCommand.err()).isZero();
        assertThat(perCommand.err()).contains("the scale asked for (5) is ignored: a built-in script's :scale is pgbench_branches counted (2), as pgbench does");
        assertThat(perCommand.out()).contains("SQL script 1: tpcb-like").contains(" - weight: 1 (targets 100.0% of total)")
                .contains(" - 20 transactions (100.0% of total, tps = ")
                .contains(" - statement latencies in milliseconds and failures:")
                .containsPattern("\\s+[0-9.]+\\s+0  \\\\set aid random\\(1, 100000 \\* :scale\\)")
                .containsPattern("\\s+[0-9.]+\\s+0  UPDATE pgbench_accounts SET abalance = abalance \\+ :delta WHERE aid = :aid;");
        // pgbench numbers scripts in command-line order, -b and -f interleaved
        java.nio.file.Path hot = home.resolve("hot.sql");
        java.nio.file.Files.writeString(hot, "SELECT 1;\n");
        Run ordered = run("--profile", "shop", "workload", "-b", "select-only@2", "-f", hot + "@1", "-b", "simple-update@1",
                "--workers", "1", "--orders-per-worker", "8");
        assertThat(ordered.exit()).as(ordered.err()).isZero();
        assertThat(ordered.out()).contains("scripts select-only@2 + " + hot + "@1 + simple-update@1")
                .containsSubsequence("SQL script 1: select-only", "SQL script 2: " + hot, "SQL script 3: simple-update");
        Run json = run("--profile", "shop", "workload", "-b", "select-only", "-r", "--workers", "1", "--orders-per-worker", "5", "--json");
        assertThat(json.out()).contains("\"scripts\" : [").contains("\"name\" : \"select-only\"").contains("\"transactions\" : 5")
                .contains("\"source\" : \"SELECT abalance FROM pgbench_accounts WHERE aid = :aid;\"").contains("\"latency_avg_ms\"");
    }

    @Test
    void aLatencyLimitCountsLateTransactionsAndWithARateSkipsThoseAlreadyTooLateAsPgbenchDoes() throws Exception {
        PostgresSettings db = pg.freshDatabase();
        profile("shop", "dev", db);
        java.nio.file.Path slow = home.resolve("slow.sql");
        java.nio.file.Files.writeString(slow, "\\sleep 20 ms\nSELECT 1;\n");
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();

        // closed loop: every transaction takes 20 ms or more, all of them late for a 10 ms limit, none skipped
        Run closed = run("--profile", "shop", "workload", "-f", slow.toString(), "--workers", "2", "--orders-per-worker", "5",
                "-L", "10", "--json");
        assertThat(closed.exit()).as(closed.err()).isZero();
        var c = mapper.readTree(closed.out());
        assertThat(c.get("outcomes").get("ok").asLong()).isEqualTo(10);
        assertThat(c.get("late").asLong()).isEqualTo(10);
        assertThat(c.get("skipped").asLong()).isZero();
        assertThat(c.get("latency_limit_ms").asDouble()).isEqualTo(10.0);

        // paced at 200/s by one worker that needs 20 ms a transaction: it falls behind at once, and a transaction
        // already 30 ms late when its turn comes is not sent; pgbench on the same script skips too
        Run paced = run("--profile", "shop", "workload", "-f", slow.toString(), "--workers", "1", "--duration", "2s",
                "--rate", "200", "-L", "30");
        assertThat(paced.exit()).as(paced.err()).isZero();
        assertThat(paced.out()).containsPattern("number of transactions skipped: [1-9]\\d* \\([0-9.]+%\\)")
                .containsPattern("number of transactions above the 30.0 ms latency limit: \\d+/\\d+ \\([0-9.]+%\\)");
        Run pacedJson = run("--profile", "shop", "workload", "-f", slow.toString(), "--workers", "1", "--duration", "2s",
                "--rate", "200", "-L", "30", "--json");
        var p = mapper.readTree(pacedJson.out());
        long ended = 0;
        for (var outcome : p.get("outcomes")) {
            ended += outcome.asLong();
        }
        // 200/s for 2 s: 400 due, each ended in an outcome or skipped
        assertThat(ended + p.get("skipped").asLong()).isEqualTo(400);
        assertThat(p.get("skipped").asLong()).as("most of the 400 due").isGreaterThan(200);
        if (dev.snowpulse.testing.Pgbench.available()) {
            var pgbench = dev.snowpulse.testing.Pgbench.run(db.database(), "-n", "-f", slow.toString(), "-c", "1", "-T", "2", "-R", "200", "-L", "30");
            assertThat(pgbench.out()).as(pgbench.err()).containsPattern("number of transactions skipped: [1-9]\\d* \\(");
        }
        assertThat(run("--profile", "shop", "workload", "-f", slow.toString(), "-L", "0").exit()).isEqualTo(2);

        // a script whose every transaction fails: said as transactions, and no latency where none was measured
        java.nio.file.Path broken = home.resolve("broken.sql");
        java.nio.file.Files.writeString(broken, "SELEC 1;\n");
        Run failing = run("--profile", "shop", "workload", "-f", broken.toString(), "--workers", "1", "--orders-per-worker", "3");
        assertThat(failing.exit()).isEqualTo(1);
        assertThat(failing.err()).contains("no transaction succeeded: ");
        assertThat(failing.out()).contains("latency ms: none measured (nothing succeeded)").contains("[42601: 3]");
    }

    @Test
    void aScriptFileWithDefinitionsRunsAndABadOneIsRefusedWithItsPlace() throws Exception {
        PostgresSettings db = pg.freshDatabase();
        profile("shop", "dev", db);
        var endpoint = dev.snowpulse.testing.TestPostgres.endpoint(db);
        dev.snowpulse.testing.Sql.execute(endpoint, "create table answers (client int, value int)");
        Path good = home.resolve("answer.sql");
        java.nio.file.Files.writeString(good, "\\set v :n * 2\nINSERT INTO answers VALUES (:client_id, :v);\n");

        Run ok = run("--profile", "shop", "workload", "-f", good.toString(), "-D", "n=21", "--workers", "2", "--orders-per-worker", "3");
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(dev.snowpulse.testing.Sql.single(endpoint, "select string_agg(distinct value::text, ',') || ' ' || count(*) "
                + "|| ' ' || string_agg(distinct client::text, ',' order by client::text) from answers")).isEqualTo("42 6 0,1");

        Path bad = home.resolve("bad.sql");
        java.nio.file.Files.writeString(bad, "BEGIN;\n\\set v random(1, )\nEND;\n");
        Run refused = run("--profile", "shop", "workload", "-f", bad.toString(), "--orders-per-worker", "1");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains(bad + ":2:18: syntax error at ')'");

        Path unsupported = home.resolve("gset.sql");
        java.nio.file.Files.writeString(unsupported, "SELECT 1 AS one\n\\gset\n");
        assertThat(run("--profile", "shop", "workload", "-f", unsupported.toString()).err())
                .contains(unsupported + ":2:1: \\gset is not supported by SnowPulse");
        assertThat(run("--profile", "shop", "workload", "-f", good + "@x").err()).contains("'x' in '" + good + "@x' is not a whole-number weight");
        assertThat(run("--profile", "shop", "workload", "-f", good.toString(), "-D", "n=lots").err()).contains("-D n=lots: 'lots' is not a number");
        Run withoutScript = run("--profile", "shop", "workload", "--max-tries", "3");
        assertThat(withoutScript.exit()).isEqualTo(2);
        assertThat(withoutScript.err()).contains("-D, -s, -r and --max-tries are for scripts: add -b NAME or -f FILE");
    }

    @Test
    void thresholdsArePrintedStoredAndAFailingOneExitsThree() throws Exception {
        PostgresSettings db = pg.freshDatabase();
        profile("shop", "dev", db);
        assertThat(run("--profile", "shop", "init", "--reset-data", "--stock", "100000").exit()).isZero();

        Run passing = run("--profile", "shop", "workload", "--workers", "2", "--orders-per-worker", "20",
                "--threshold", "errors<1%", "--threshold", "p99<10s");
        assertThat(passing.exit()).as(passing.err()).isZero();
        assertThat(passing.out()).contains("thresholds: all passed").contains("  passed  errors<1%  (errors 0.00 %)")
                .containsPattern("  passed  p99<10s  \\(p99 [0-9.]+ ms\\)");

        Run failing = run("--profile", "shop", "workload", "--workers", "2", "--orders-per-worker", "20",
                "--threshold", "rate>=100000000", "--threshold", "errors=0");
        assertThat(failing.exit()).as(failing.err()).isEqualTo(3);
        assertThat(failing.out()).contains("thresholds: FAILED").containsPattern("  FAILED  rate>=100000000  \\(rate [0-9.]+/s\\)")
                .contains("  passed  errors=0  (errors 0.00 %)");

        Run json = run("--profile", "shop", "workload", "--workers", "1", "--orders-per-worker", "5", "--threshold", "p95<0.001us", "--json");
        assertThat(json.exit()).isEqualTo(3);
        assertThat(json.out()).contains("\"threshold\" : \"p95<0.001us\"").contains("\"thresholds_passed\" : false");

        Run history = run("--profile", "shop", "workload", "history");
        assertThat(history.out()).contains("failed 1 of 1: p95<0.001us").contains("failed 1 of 2: rate>=100000000")
                .contains("passed 2/2");
        Run csv = run("--profile", "shop", "workload", "history", "--format", "csv", "--limit", "1");
        assertThat(csv.out().lines().toList().get(1)).endsWith(",failure,thresholds");

        Run bad = run("--profile", "shop", "workload", "--threshold", "p95 under 20ms");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("threshold 'p95 under 20ms': write it as METRIC OP VALUE");
    }

    @Test
    void aDatabaseFromBeforeThresholdsStillListsItsRunsAndSaysHowToKeepThem() throws Exception {
        PostgresSettings db = pg.freshDatabase();
        profile("shop", "dev", db);
        var endpoint = dev.snowpulse.testing.TestPostgres.endpoint(db);
        dev.snowpulse.testing.Sql.execute(endpoint, "alter table workload_runs drop column threshold_checks, drop column thresholds_passed");

        Run run = run("--profile", "shop", "workload", "--workers", "1", "--orders-per-worker", "3", "--threshold", "errors<50%");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("thresholds: all passed");
        assertThat(run.err()).contains("its thresholds were not kept: this database's workload_runs predates them: "
                + "run `snowpulse init` to keep them with each run");

        Run history = run("--profile", "shop", "workload", "history");
        assertThat(history.exit()).as(history.err()).isZero();
        assertThat(history.out()).contains("completed").contains("1 workers × 3 orders");
    }

    @Test
    void compareSetsRunsSideBySideWithTheirDifferencesAndSeconds() throws Exception {
        profile("shop", "dev", pg.freshDatabase());
        assertThat(run("--profile", "shop", "init", "--reset-data", "--stock", "100000").exit()).isZero();
        assertThat(run("--profile", "shop", "workload", "--workers", "2", "--duration", "2s", "--rate", "100").exit()).isZero();
        assertThat(run("--profile", "shop", "workload", "--workers", "4", "--duration", "2s", "--rate", "200").exit()).isZero();
        List<String> ids = run("--profile", "shop", "workload", "history").out().lines()
                .filter(l -> l.matches("[0-9a-f]{8}  .*")).map(l -> l.substring(0, 8)).toList().reversed();

        Run table = run("--profile", "shop", "workload", "compare", ids.get(0), ids.get(1));
        assertThat(table.exit()).as(table.err()).isZero();
        assertThat(table.out()).contains("=== Specs (base: " + ids.get(0) + ") ===")
                .containsPattern("workers\\s+2\\s+4\\s+differs").containsPattern("target_rate\\s+100.0\\s+200.0\\s+differs")
                .containsPattern("max_customers\\s+10\\s+10\\n")
                .containsPattern("tps\\s+[0-9.]+\\s+[0-9.]+ \\(\\+[0-9.]+ %\\)")
                .contains("=== Second by second (since each run's start) ===").containsPattern("\\n1\\s+\\d+\\s+[0-9.]+");

        Run csv = run("--profile", "shop", "workload", "compare", ids.get(1), ids.get(0), "--format", "csv");
        assertThat(csv.out()).contains("spec," + ids.get(1) + "," + ids.get(0) + ",difference")
                .contains("second,\"" + ids.get(1) + " tps\",\"" + ids.get(1) + " p50 ms\"");
        Run json = run("--profile", "shop", "workload", "compare", ids.get(0), ids.get(1), "--format", "json", "--no-seconds");
        assertThat(json.exit()).isZero();
        assertThat(json.out()).contains("\"differs\"").doesNotContain("Second by second");
        // for export, every figure and change a number of its own
        var tables = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out());
        assertThat(tables).extracting(t -> t.get("title").asText())
                .containsExactly("Specs (base: " + ids.get(0) + ")", "Figures", "Change against the base (per cent)");
        var tps = java.util.stream.StreamSupport.stream(tables.get(1).get("rows").spliterator(), false)
                .filter(r -> r.get("figure").asText().equals("tps")).findFirst().orElseThrow();
        assertThat(tps.get(ids.get(0)).isNumber()).as(tps.toString()).isTrue();
        assertThat(tps.get(ids.get(1)).isNumber()).as(tps.toString()).isTrue();
        var change = java.util.stream.StreamSupport.stream(tables.get(2).get("rows").spliterator(), false)
                .filter(r -> r.get("figure").asText().equals("tps")).findFirst().orElseThrow();
        double expected = 100 * (tps.get(ids.get(1)).asDouble() - tps.get(ids.get(0)).asDouble()) / tps.get(ids.get(0)).asDouble();
        // both cells are rounded to a tenth: the change from the rounded rates may differ by a few tenths of a per cent
        assertThat(change.get(ids.get(1)).asDouble()).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.5));
        assertThat(change.has(ids.get(0))).as("no change column for the base").isFalse();

        Run one = run("--profile", "shop", "workload", "compare", ids.get(0));
        assertThat(one.exit()).isEqualTo(2);
        assertThat(one.err()).contains("give 2 to 5 runs to compare (got 1)");
        Run unknown = run("--profile", "shop", "workload", "compare", ids.get(0), "ffffffff");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("run 'ffffffff': no run in workload_runs starts so");
        Run twice = run("--profile", "shop", "workload", "compare", ids.get(0), ids.get(0));
        assertThat(twice.err()).contains("is named twice");
    }
}
