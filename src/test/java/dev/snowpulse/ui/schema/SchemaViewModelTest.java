package dev.snowpulse.ui.schema;

import dev.snowpulse.AppServices;
import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.profile.Environment;
import dev.snowpulse.profile.EnvironmentKind;
import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.profile.SnowflakeAuthenticator;
import dev.snowpulse.profile.SnowflakeSettings;
import dev.snowpulse.schema.FileState;
import dev.snowpulse.testing.DirectBackground;
import dev.snowpulse.testing.InMemoryKeychain;
import dev.snowpulse.testing.TestHosts;
import dev.snowpulse.testing.TestPostgres;
import dev.snowpulse.ui.common.ConnectionChecks;
import dev.snowpulse.ui.common.ShellViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaViewModelTest {

    @RegisterExtension
    static TestPostgres pg = new TestPostgres();

    @TempDir
    Path home;

    private AppServices services;
    private ShellViewModel shell;
    private SchemaViewModel model;

    @BeforeEach
    void wire() {
        services = AppServices.create(TestHosts.linux(home), new InMemoryKeychain(false));
        DirectBackground background = new DirectBackground();
        shell = new ShellViewModel(new ConnectionChecks(services.connections(), services.secrets().session(), background));
        model = new SchemaViewModel(shell, services.connections(), services.prodGuard(), background);
    }

    @AfterEach
    void close() {
        services.close();
    }

    private static ConnectionProfile profile(String name, EnvironmentKind env, PostgresSettings db) {
        return new ConnectionProfile(name, Environment.of(env), db);
    }

    @Test
    void aSnowflakeProfileHasNoSchemaHere() {
        shell.connect(new ConnectionProfile("sf", Environment.of(EnvironmentKind.DEV), new SnowflakeSettings("acme-x", "u",
                null, null, null, null, "http://127.0.0.1:9", SnowflakeAuthenticator.PASSWORD, null, null,
                dev.snowpulse.profile.SecretRef.of(dev.snowpulse.profile.SecretSource.NONE))));
        model.refresh();
        assertThat(model.usableProperty().get()).isFalse();
        assertThat(model.targetProperty().get()).isEqualTo("sf is a Snowflake profile");
        assertThat(model.summaryProperty().get()).contains("Connect a Postgres profile");
    }

    @Test
    void aProdProfileIsInitialisedOnlyWithItsNameTyped() throws Exception {
        shell.connect(profile("orders-prod", EnvironmentKind.PROD, pg.freshDatabase()));
        model.refresh();
        assertThat(model.summaryProperty().get()).isEqualTo("12 files: 0 applied, 12 pending · no SnowPulse history yet");
        assertThat(model.needsProdConfirmation()).isTrue();

        model.migrate("orders");
        assertThat(model.failureProperty().get()).contains("refused on prod profile 'orders-prod'").contains("does not match");
        assertThat(model.files()).allMatch(f -> f.state() == FileState.PENDING);

        model.migrate("orders-prod");
        assertThat(model.failureProperty().get()).isEmpty();
        assertThat(model.files()).allMatch(f -> f.state() == FileState.APPLIED);
        assertThat(model.log()).first().asString().startsWith("Initialize on orders-prod");
        assertThat(model.log()).last().isEqualTo("applied 12 file(s); schema version 8");

        model.resetDemoData(null, "100");
        assertThat(model.failureProperty().get()).contains("Resetting the demo data refused");
        model.resetDemoData("orders-prod", "lots");
        assertThat(model.failureProperty().get()).isEqualTo("Units per product: 'lots' is not a whole number");
        model.resetDemoData("orders-prod", "250,000");
        assertThat(model.log()).last().isEqualTo("reset demo data: orders and payments emptied, every product restocked to 250,000 units");
        assertThat(dev.snowpulse.testing.Sql.single(TestPostgres.endpoint(
                ((PostgresSettings) shell.activeProfileProperty().get().connection())), "select min(stock) || '-' || max(stock) from inventory"))
                .isEqualTo("250000-250000");

        shell.connect(profile("shop", EnvironmentKind.DEV, pg.freshDatabase()));
        assertThat(model.log()).as("the other database's lines go with it").isEmpty();
        assertThat(model.failureProperty().get()).isEmpty();
    }

    @Test
    void aFailingFileIsNamedWithItsLineAndSqlstate() throws Exception {
        PostgresSettings db = pg.freshDatabase();
        try (Connection c = TestPostgres.endpoint(db).connect(); Statement s = c.createStatement()) {
            s.execute("create function kpi_rebuild_totals() returns int language sql as 'select 1'");
        }
        shell.connect(profile("shop", EnvironmentKind.DEV, db));
        model.refresh();
        model.migrate(null);

        assertThat(model.failureProperty().get())
                .startsWith("Stopped at V2__fast_kpis.sql, line 14, SQLSTATE 42P13: cannot change return type of existing function");
        assertThat(model.log()).contains("FAILED   V2__fast_kpis.sql: rolled back");
        assertThat(model.actionProperty().get()).as("nothing was kept, not even V1").isEqualTo("Initialize");
    }

    @Test
    void showsAFilesSql() throws Exception {
        shell.connect(profile("shop", EnvironmentKind.DEV, pg.freshDatabase()));
        model.refresh();
        model.showSql(model.files().stream().filter(f -> "R__kpi_functions.sql".equals(f.script())).findFirst().orElseThrow());
        assertThat(model.sqlTitleProperty().get()).isEqualTo("R__kpi_functions.sql");
        assertThat(model.sqlProperty().get()).contains("create or replace function fn_summary_kpis");
    }
}
