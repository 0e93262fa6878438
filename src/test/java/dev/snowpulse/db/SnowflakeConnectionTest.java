package dev.snowpulse.db;

import dev.snowpulse.profile.secret.Secret;
import dev.snowpulse.profile.SecretRef;
import dev.snowpulse.profile.SnowflakeAuthenticator;
import dev.snowpulse.profile.SnowflakeSettings;
import dev.snowpulse.testing.FakeSnowflake;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Test connection for Snowflake profiles through the real snowflake-jdbc driver, against a loopback endpoint. */
class SnowflakeConnectionTest {

    private static FakeSnowflake snowflake;
    private final ConnectionTester tester = new ConnectionTester();

    @BeforeAll
    static void start() throws IOException {
        snowflake = new FakeSnowflake().user("alice", "correct horse");
    }

    @AfterAll
    static void stop() {
        snowflake.close();
    }

    private static SnowflakeSettings settings(String user) {
        return new SnowflakeSettings("testacct", user, "SYSADMIN", "COMPUTE_WH", "RETAIL_STREAMING_DEMO", "PUBLIC",
                snowflake.url(), SnowflakeAuthenticator.PASSWORD, null, null, SecretRef.auto());
    }

    @Test
    void signsInAndReportsTheSnowflakeVersion() {
        ConnectionCheck check = tester.test(settings("alice"), Optional.of(new Secret("correct horse")), Duration.ofSeconds(10));

        assertThat(check.ok()).as(check.message()).isTrue();
        assertThat(check.serverVersion()).isEqualTo("Snowflake 9.40.2");
        assertThat(check.tls()).isFalse();
        assertThat(snowflake.queries()).contains("select current_version()", "select 1");
        assertThat(snowflake.logins().getLast().path("ACCOUNT_NAME").asText()).isEqualToIgnoringCase("testacct");
    }

    @Test
    void aWrongPasswordKeepsTheCodeAndSaysWhatToCheck() {
        ConnectionCheck check = tester.test(settings("alice"), Optional.of(new Secret("wrong-one")), Duration.ofSeconds(10));

        assertThat(check.ok()).isFalse();
        assertThat(check.message()).contains("error 390100").contains("check the user and the password")
                .doesNotContain("wrong-one");
    }
}
