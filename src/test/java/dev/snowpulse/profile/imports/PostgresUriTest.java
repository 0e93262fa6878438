package dev.snowpulse.profile.imports;

import dev.snowpulse.profile.SslMode;
import dev.snowpulse.profile.secret.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresUriTest {

    @Test
    void readsTheUriSnowsightHandsOut() {
        PostgresUri uri = PostgresUri.parse("postgres://snowflake_admin@abc123.sfc.us-west-2.aws.postgres.snowflake.app:5432/postgres?sslmode=require");

        assertThat(uri.host()).isEqualTo("abc123.sfc.us-west-2.aws.postgres.snowflake.app");
        assertThat(uri.port()).isEqualTo(5432);
        assertThat(uri.database()).isEqualTo("postgres");
        assertThat(uri.user()).isEqualTo("snowflake_admin");
        assertThat(uri.sslMode()).isEqualTo(SslMode.REQUIRE);
        assertThat(uri.password()).isEmpty();
    }

    @Test
    void aSnowflakePostgresHostDefaultsToRequireAndAnyOtherToPrefer() {
        assertThat(PostgresUri.parse("postgresql://app@x.postgres.snowflake.app/postgres").sslMode()).isEqualTo(SslMode.REQUIRE);
        assertThat(PostgresUri.parse("postgresql://app@db.internal/postgres").sslMode()).isEqualTo(SslMode.PREFER);
        assertThat(PostgresUri.parse("postgres://a@x.snowflake.app/db?sslmode=verify-full&sslrootcert=/etc/ca.pem").sslMode())
                .isEqualTo(SslMode.VERIFY_FULL);
    }

    @Test
    void decodesPercentEscapesAndKeepsThePasswordApart() {
        PostgresUri uri = PostgresUri.parse("postgres://us%40er:p%3Ass%2Bw@host.example:6543/my%20db?application_name=orders&foo=1");

        assertThat(uri.user()).isEqualTo("us@er");
        assertThat(uri.password()).map(Secret::value).contains("p:ss+w");
        assertThat(uri.database()).isEqualTo("my db");
        assertThat(uri.port()).isEqualTo(6543);
        assertThat(uri.applicationName()).isEqualTo("orders");
        assertThat(uri.ignoredParameters()).containsExactly("foo");
        assertThat(uri.toString()).doesNotContain("p:ss+w").contains("password=****");
    }

    @Test
    void readsIpv6HostsAndDefaults() {
        PostgresUri uri = PostgresUri.parse("postgresql://[::1]:5433");
        assertThat(uri.host()).isEqualTo("::1");
        assertThat(uri.port()).isEqualTo(5433);
        assertThat(uri.database()).isEqualTo("postgres");
        assertThat(uri.user()).isNull();

        PostgresUri bare = PostgresUri.parse("postgres://localhost");
        assertThat(bare.port()).isEqualTo(5432);
    }

    @Test
    void queryParametersOverrideTheAuthority() {
        PostgresUri uri = PostgresUri.parse("postgres:///?host=10.0.0.5&port=7000&dbname=shop&user=bob");
        assertThat(uri.host()).isEqualTo("10.0.0.5");
        assertThat(uri.port()).isEqualTo(7000);
        assertThat(uri.database()).isEqualTo("shop");
        assertThat(uri.user()).isEqualTo("bob");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "mysql://u@h/db | must start with postgres://",
            "jdbc:postgresql://h/db | must start with postgres://",
            "postgres://u:topsecret@h:abc/db | port 'abc' is not a number",
            "postgres://u:topsecret@h:70000/db | port '70000' is not a number from 1 to 65535",
            "postgres://u@h1:5432,h2:5432/db | lists several hosts",
            "postgres://u:topsecret@/db | names no host",
            "postgres://u@h/db?sslmode=sometimes | unknown sslmode 'sometimes'",
            "postgres://u@h/d%zzb | broken %-escape",
            "postgres://u@h/db?sslmode | has no value",
            "postgres://[::1/db | needs a closing ]"
    })
    void refusesBadUrisNamingWhatToFix(String text, String expected) {
        assertThatThrownBy(() -> PostgresUri.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(expected)
                .message().doesNotContain("topsecret");
    }

    @Test
    void refusesBlank() {
        assertThatThrownBy(() -> PostgresUri.parse("  ")).hasMessageContaining("paste one like");
    }

    @Test
    void keywordValueStringsReadAsPsqlReadsThem() throws Exception {
        String conninfo = "host = " + dev.snowpulse.testing.TestPostgres.HOST + " port=" + dev.snowpulse.testing.TestPostgres.PORT
                + " dbname=postgres user=" + dev.snowpulse.testing.TestPostgres.USER
                + " application_name='snow \\'pulse\\' app' sslmode=disable connect_timeout=5";

        PostgresUri parsed = PostgresUri.parse(conninfo);
        Process psql = new ProcessBuilder("psql", "-XAtc",
                "select current_database() || '|' || current_user || '|' || current_setting('application_name') "
                        + "|| '|' || coalesce(inet_server_port()::text, '')", conninfo).redirectErrorStream(true).start();
        String said = new String(psql.getInputStream().readAllBytes()).strip();

        assertThat(psql.waitFor()).as(said).isZero();
        assertThat(said).isEqualTo(parsed.database() + "|" + parsed.user() + "|" + parsed.applicationName() + "|" + parsed.port());
        assertThat(parsed.applicationName()).isEqualTo("snow 'pulse' app");
        assertThat(parsed.sslMode()).isEqualTo(SslMode.DISABLE);
        assertThat(parsed.ignoredParameters()).containsExactly("connect_timeout");
        assertThat(PostgresUri.looksLikeUri(conninfo)).isTrue();
    }

    @Test
    void aBrokenKeywordStringNamesWhatToFixWithoutItsValues() {
        assertThatThrownBy(() -> PostgresUri.parse("host=h password='s3cret")).hasMessage("connection string: the value of 'password' has no closing quote");
        assertThatThrownBy(() -> PostgresUri.parse("host=h port=abc")).hasMessage("connection string: port 'abc' is not a number from 1 to 65535");
        assertThatThrownBy(() -> PostgresUri.parse("dbname=shop user=app")).hasMessageStartingWith("connection string: names no host");
        assertThatThrownBy(() -> PostgresUri.parse("host=h dbname")).hasMessage("connection string: 'dbname' has no value (write keyword=value)");
    }
}
