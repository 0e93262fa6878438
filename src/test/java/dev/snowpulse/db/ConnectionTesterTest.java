package dev.snowpulse.db;

import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.profile.SecretRef;
import dev.snowpulse.profile.SecretSource;
import dev.snowpulse.profile.SslMode;
import dev.snowpulse.testing.TestHosts;
import dev.snowpulse.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionTesterTest {

    @RegisterExtension
    static TestPostgres pg = new TestPostgres();

    private final ConnectionTester tester = new ConnectionTester();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void reportsServerVersionRoundTripAndTls() {
        ConnectionCheck check = tester.test(pg.settings(), Optional.empty(), TIMEOUT);

        assertThat(check.ok()).as(check.message()).isTrue();
        assertThat(check.serverVersion()).matches("PostgreSQL \\d+(\\.\\d+)?");
        assertThat(check.roundTrip()).isPositive().isLessThan(Duration.ofSeconds(1));
        assertThat(check.tls()).isFalse();
        assertThat(check.summary()).contains(check.serverVersion()).contains("ms").contains("no TLS");
    }

    @Test
    void aRefusedPortNamesTheHostAndTheSettingsToCheck() throws IOException {
        int closed = TestHosts.closedPort();
        PostgresSettings settings = new PostgresSettings(TestPostgres.HOST, closed, pg.database(), TestPostgres.USER,
                SslMode.PREFER, null, null, SecretRef.of(SecretSource.NONE));

        ConnectionCheck check = tester.test(settings, Optional.empty(), TIMEOUT);

        assertThat(check.ok()).isFalse();
        assertThat(check.message()).contains(TestPostgres.HOST + ":" + closed).contains("host and port settings");
    }

    @Test
    void anUnknownDatabaseNamesTheDatabaseSetting() {
        PostgresSettings settings = new PostgresSettings(TestPostgres.HOST, TestPostgres.PORT, "no_such_db_here",
                TestPostgres.USER, SslMode.PREFER, null, null, SecretRef.of(SecretSource.NONE));

        ConnectionCheck check = tester.test(settings, Optional.empty(), TIMEOUT);

        assertThat(check.ok()).isFalse();
        assertThat(check.message()).isEqualTo("database 'no_such_db_here' does not exist on "
                + TestPostgres.HOST + ":" + TestPostgres.PORT + ": check the database setting");
    }

    @Test
    void requiringTlsFromAServerWithoutItNamesSslmode() {
        PostgresSettings settings = new PostgresSettings(TestPostgres.HOST, TestPostgres.PORT, pg.database(),
                TestPostgres.USER, SslMode.REQUIRE, null, null, SecretRef.of(SecretSource.NONE));

        ConnectionCheck check = tester.test(settings, Optional.empty(), TIMEOUT);

        // the CI server has no certificate; a server with one would connect with TLS instead
        if (check.ok()) {
            assertThat(check.tls()).isTrue();
        } else {
            assertThat(check.message()).contains("sslmode=require").contains("check the sslmode");
        }
    }

    @Test
    void anUnresolvableHostSaysSo() {
        PostgresSettings settings = new PostgresSettings("no-such-host.invalid", 5432, "postgres", "u",
                SslMode.PREFER, null, null, SecretRef.of(SecretSource.NONE));

        ConnectionCheck check = tester.test(settings, Optional.empty(), TIMEOUT);

        assertThat(check.message()).contains("'no-such-host.invalid' could not be resolved").contains("host setting");
    }

    @Test
    void aPoolerPortTheProfileDoesNotKnowOfIsPointedOut() {
        java.util.function.BiFunction<Integer, dev.snowpulse.profile.Pooler, java.util.Optional<String>> hint = (port, pooler) ->
                ConnectionTester.poolerHint(new dev.snowpulse.profile.PostgresSettings("db.internal", port, "shop", "app",
                        dev.snowpulse.profile.SslMode.PREFER, null, null, null, pooler));

        assertThat(hint.apply(6432, dev.snowpulse.profile.Pooler.NONE)).get().asString().contains("PgBouncer's usual port")
                .contains("--pooler transaction");
        assertThat(hint.apply(5431, dev.snowpulse.profile.Pooler.NONE)).get().asString().contains("Snowflake Postgres's pooler port");
        assertThat(hint.apply(6432, dev.snowpulse.profile.Pooler.TRANSACTION)).isEmpty();
        assertThat(hint.apply(5432, dev.snowpulse.profile.Pooler.NONE)).isEmpty();
    }
}
