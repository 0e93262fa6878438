package dev.snowpulse.cli;

import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.testing.CliRunner;
import dev.snowpulse.testing.CliRunner.Run;
import dev.snowpulse.testing.KnownDataset;
import dev.snowpulse.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** `snowpulse kpis` on {@link KnownDataset}. */
class KpisCliTest {

    @RegisterExtension
    static TestPostgres pg = new TestPostgres();

    @TempDir
    Path home;

    private Run run(String... args) {
        return new CliRunner(home).run(args);
    }

    private void shop() throws Exception {
        PostgresSettings db = pg.freshDatabase();
        assertThat(new CliRunner(home).addProfile("shop", "dev", db).exit()).isZero();
        assertThat(run("--profile", "shop", "init").exit()).isZero();
        KnownDataset.load(TestPostgres.endpoint(db));
    }

    @Test
    void printsEveryPartAsATable() throws Exception {
        shop();
        Run run = run("--profile", "shop", "kpis");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("=== Summary ===").contains("=== Sales by category, last 15 min ===")
                .contains("=== Inventory ===").contains("=== Revenue and orders per minute ===")
                .contains("=== Top customers, last 15 min ===").contains("=== Recent orders ===")
                .containsPattern("total_orders +all time +6")
                .containsPattern("revenue +last 15 min +192\\.48 +0\\.00")
                .containsPattern("avg_order_value +last 15 min +64\\.16")
                .containsPattern("Electronics +3 +172\\.48");
    }

    @Test
    void categoriesInAnyCaseAndTheFormats() throws Exception {
        shop();
        Run csv = run("--profile", "shop", "kpis", "--window", "60", "--category", "electronics", "--category", "FOOTWEAR",
                "--limit", "1", "--format", "csv");
        assertThat(csv.exit()).as(csv.err()).isZero();
        assertThat(csv.out()).contains("# Summary (Electronics, Footwear)").contains("orders,\"last 60 min\",3,0")
                .contains("revenue,\"last 60 min\",262.47,0.00");
        assertThat(csv.out().lines().dropWhile(l -> !l.equals("# Recent orders")).skip(2).toList()).first().asString().contains("Wireless Mouse");

        Run json = run("--profile", "shop", "kpis", "--format", "json");
        assertThat(json.out()).contains("\"title\" : \"Summary\"").contains("\"value\" : 192.48")
                .as("typed: null where there is no value, booleans as booleans")
                .contains("\"previous_window\" : null").containsPattern("\"low\" : (true|false)").doesNotContain("\"\"");

        Run unknown = run("--profile", "shop", "kpis", "--category", "toys");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("category: 'toys' is not a category here; there are Apparel, Books, Electronics, Fitness, Footwear, Kitchen");
    }

    @Test
    void watchRepeatsEachRefreshUnderItsTime() throws Exception {
        shop();
        Run watch = run("--profile", "shop", "kpis", "--watch", "1", "--count", "2");
        assertThat(watch.exit()).as(watch.err()).isZero();
        assertThat(watch.out().lines().filter(l -> l.matches("--- \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d · \\d+ ms ---"))).hasSize(2);
        assertThat(run("--profile", "shop", "kpis", "--count", "2").err()).contains("--count: must be 1 or more, with --watch");
    }

    @Test
    void anUninitialisedDatabaseSaysToInit() throws Exception {
        assertThat(new CliRunner(home).addProfile("empty", "dev", pg.freshDatabase()).exit()).isZero();
        Run run = run("--profile", "empty", "kpis");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("(run `snowpulse init` first)");
    }
}
