package dev.snowpulse.cli;

import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.testing.CliRunner;
import dev.snowpulse.testing.CliRunner.Run;
import dev.snowpulse.testing.Sql;
import dev.snowpulse.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaCliTest {

    @RegisterExtension
    static TestPostgres pg = new TestPostgres();

    @TempDir
    Path home;


    private Run run(String... args) {
        return new CliRunner(home).run(args);
    }

    private void addProfile(String name, String env, PostgresSettings db) {
        Run add = new CliRunner(home).addProfile(name, env, db);
        assertThat(add.exit()).as(add.err()).isZero();
    }

    @Test
    void initAppliesEveryFileThenHasNothingToDo() throws Exception {
        PostgresSettings db = pg.freshDatabase();
        addProfile("shop", "dev", db);

        Run status = run("--profile", "shop", "init", "--status");
        assertThat(status.out()).contains("next: Initialize").containsPattern("V1__ecommerce_schema.sql\\s+pending");

        Run init = run("--profile", "shop", "init");
        assertThat(init.exit()).as(init.err()).isZero();
        assertThat(init.out()).containsPattern("applied  V1__ecommerce_schema.sql in \\d+ ms")
                .containsPattern("applied  R__place_order.sql in \\d+ ms")
                .contains("12 file(s): 12 applied");

        Run again = run("--profile", "shop", "init");
        assertThat(again.out()).contains("nothing to apply: the schema is up to date");
        assertThat(run("--profile", "shop", "init", "--status").out()).contains("next: Up to date")
                .containsPattern("R__kpi_functions.sql\\s+applied");
    }

    @Test
    void queriesPrintTheSeedReportsAsTableCsvAndJson() throws Exception {
        PostgresSettings db = pg.freshDatabase();
        addProfile("shop", "dev", db);
        run("--profile", "shop", "init");
        Sql.execute(TestPostgres.endpoint(db), "select place_order(1, 3, 1); select place_order(1, 1, 2); select place_order(2, 4, 1)");

        Run table = run("--profile", "shop", "queries");
        assertThat(table.exit()).as(table.err()).isZero();
        assertThat(table.out()).contains("=== Inventory snapshot ===").contains("=== Top 5 customers by spend ===")
                .contains("=== Sales by category ===")
                .containsPattern("1\\s+Alice Smith\\s+2\\s+351.98")
                .containsPattern("Electronics\\s+3\\s+351.98");

        Run csv = run("--profile", "shop", "queries", "--format", "csv", "--limit", "1");
        assertThat(csv.out()).contains("# Top 1 customers by spend\ncustomer_id,customer_name,orders,total_spent\n1,\"Alice Smith\",2,351.98\n");
        assertThat(csv.out()).contains("3,\"Gaming Monitor\",Electronics,99");

        Run json = run("--profile", "shop", "queries", "--format", "json");
        assertThat(json.out()).contains("\"title\" : \"Sales by category\"").contains("\"category\" : \"Fitness\"");
        assertThat(run("--profile", "shop", "queries", "--format", "xml").exit()).isEqualTo(2);
    }

    @Test
    void resetDataOnAProdProfileNeedsItsNameAndThenEmptiesOrders() throws Exception {
        PostgresSettings db = pg.freshDatabase();
        addProfile("orders-prod", "prod", db);

        Run refused = run("--profile", "orders-prod", "init");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("refused on prod profile 'orders-prod'").contains("--confirm 'orders-prod'");
        assertThat(run("--profile", "orders-prod", "init", "--status").out()).as("nothing applied").contains("next: Initialize");

        assertThat(run("--profile", "orders-prod", "init", "--confirm", "orders-prod").exit()).isZero();
        Sql.execute(TestPostgres.endpoint(db), "select place_order(1, 1, 5)");
        Run reset = run("--profile", "orders-prod", "init", "--reset-data", "--stock", "40", "--confirm", "orders-prod");
        assertThat(reset.out()).contains("every product restocked to 40");
        Run negative = run("--profile", "orders-prod", "init", "--reset-data", "--stock", "-5", "--confirm", "orders-prod");
        assertThat(negative.exit()).isEqualTo(2);
        assertThat(negative.err()).contains("--stock: -5 is outside 0..1000000000");
        Run queries = run("--profile", "orders-prod", "queries", "--format", "csv");
        assertThat(queries.out()).contains("1,\"Wireless Mouse\",Electronics,40").doesNotContain("Alice");
    }

    @Test
    void aSnowflakeProfileOrAMissingSchemaIsExplained() throws Exception {
        run("profiles", "add", "sf", "--kind", "snowflake", "--account", "acme-x", "--user", "u");
        Run wrongKind = run("--profile", "sf", "init");
        assertThat(wrongKind.exit()).isEqualTo(1);
        assertThat(wrongKind.err()).contains("is a Snowflake profile; this needs a Postgres profile");

        PostgresSettings empty = pg.freshDatabase();
        addProfile("empty", "dev", empty);
        Run queries = run("--profile", "empty", "queries");
        assertThat(queries.exit()).isEqualTo(1);
        assertThat(queries.err()).contains("run `snowpulse init` first");
    }
}
