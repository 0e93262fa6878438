package dev.snowpulse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snowpulse.db.PostgresEndpoint;
import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.testing.CliRunner;
import dev.snowpulse.testing.CliRunner.Run;
import dev.snowpulse.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** `snowpulse top` and `snowpulse statements` against a real PostgreSQL. */
class ServerCliTest {

    @RegisterExtension
    static TestPostgres pg = new TestPostgres();

    @TempDir
    Path home;

    private Run run(String... args) {
        return new CliRunner(home).run(args);
    }

    @Test
    void topPrintsTheServerAndItsSessionsEachRefreshAsJsonAParserReads() throws Exception {
        PostgresSettings db = pg.freshDatabase();
        assertThat(new CliRunner(home).addProfile("shop", "dev", db).exit()).isZero();
        PostgresEndpoint endpoint = TestPostgres.endpoint(db);
        try (Connection open = endpoint.connect("sp-cli-visible")) {
            open.setAutoCommit(false);
            open.createStatement().execute("select 1");
            Run top = run("--profile", "shop", "top", "--interval", "1", "--count", "2", "--format", "json");
            assertThat(top.exit()).as(top.err()).isZero();
            // one JSON document per refresh, one after the other (a MappingIterator would unwrap the arrays)
            List<JsonNode> refreshes = new java.util.ArrayList<>();
            ObjectMapper mapper = new ObjectMapper();
            try (com.fasterxml.jackson.core.JsonParser parser = mapper.createParser(top.out())) {
                while (parser.nextToken() != null) {
                    refreshes.add(mapper.readTree(parser));
                }
            }
            assertThat(refreshes).hasSize(2);
            JsonNode first = refreshes.getFirst();
            assertThat(first.get(0).get("title").asText()).isEqualTo("Server");
            assertThat(first.get(0).get("rows").get(0).get("commits_per_s").isNull()).as("no rate before the second read").isTrue();
            JsonNode second = refreshes.getLast();
            assertThat(second.get(0).get("rows").get(0).get("commits_per_s").isNumber()).isTrue();
            assertThat(second.get(0).get("rows").get(0).get("idle_in_transaction").asInt()).isEqualTo(1);
            assertThat(second.get(1).get("rows")).anySatisfy(row -> {
                assertThat(row.get("application").asText()).isEqualTo("sp-cli-visible");
                assertThat(row.get("state").asText()).isEqualTo("idle in transaction");
                assertThat(row.get("query").asText()).isEqualTo("select 1");
            });
            open.rollback();
        }
        Run table = run("--profile", "shop", "top", "--count", "1");
        assertThat(table.out()).contains("=== Server ===").contains("commits_per_s").contains("=== Sessions ===");
        assertThat(run("--profile", "shop", "top", "--interval", "0").exit()).isEqualTo(2);
    }

    @Test
    void statementsSayHowToEnablePgStatStatementsWhereItIsMissing() throws Exception {
        PostgresSettings db = pg.freshDatabase();
        assertThat(new CliRunner(home).addProfile("shop", "dev", db).exit()).isZero();
        Run statements = run("--profile", "shop", "statements");
        assertThat(statements.exit()).isEqualTo(1);
        assertThat(statements.err()).contains("CREATE EXTENSION pg_stat_statements").contains("shared_preload_libraries");
    }
}
