package dev.snowpulse.db;

import dev.snowpulse.profile.Pooler;
import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.profile.secret.Secret;
import dev.snowpulse.profile.SecretRef;
import dev.snowpulse.profile.SecretSource;
import dev.snowpulse.profile.SslMode;
import dev.snowpulse.testing.Sql;
import dev.snowpulse.testing.TestPgBouncer;
import dev.snowpulse.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Logging in through a real PgBouncer that checks roles the way Snowflake Postgres's pooler does: through a lookup
 * function that the snowflake_pooler extension installs per database and that leaves out superusers and replication
 * roles. The function here is written from that description; the refusals and their words are PgBouncer's own.
 */
class PoolerLoginTest {

    @RegisterExtension
    static TestPostgres pg = new TestPostgres();

    @TempDir
    static Path dir;

    private static final String APP = "sp_pooled_app";
    private static final String APP_PASSWORD = "app-Secret-7f3";
    private static final String ADMIN = "sp_pooled_admin";
    private static final String ADMIN_PASSWORD = "admin-Secret-9c1";
    private static final String LOOKUP_ROLE = "snowflake_pooler";

    private static TestPgBouncer bouncer;
    private static String withLookup;
    private static String withoutLookup;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(TestPgBouncer.available(), "PgBouncer refuses to run as root and must be installed; CI runs this as an ordinary user");
        PostgresSettings server = pg.freshDatabase();
        Sql.execute(TestPostgres.endpoint(server), role(APP, "login password '" + APP_PASSWORD + "'"));
        Sql.execute(TestPostgres.endpoint(server), role(ADMIN, "superuser login password '" + ADMIN_PASSWORD + "'"));
        Sql.execute(TestPostgres.endpoint(server), role(LOOKUP_ROLE, "login"));
        withLookup = server.database();
        Sql.execute(TestPostgres.endpoint(server), """
                create schema snowflake_pooler;
                create function snowflake_pooler.user_lookup(name text) returns table (user_name text, secret text)
                    language sql security definer
                    as $$ select rolname::text, rolpassword from pg_authid
                          where rolname = name and not rolsuper and not rolreplication $$;
                revoke all on function snowflake_pooler.user_lookup(text) from public;
                grant usage on schema snowflake_pooler to snowflake_pooler;
                grant execute on function snowflake_pooler.user_lookup(text) to snowflake_pooler;
                """);
        withoutLookup = pg.freshDatabase().database();
        bouncer = TestPgBouncer.startWithRoleLookup(dir, 5, LOOKUP_ROLE,
                "SELECT user_name, secret FROM snowflake_pooler.user_lookup($1)");
    }

    /** Creates the role or, left by an earlier run (roles belong to the server), resets it. */
    private static String role(String name, String options) {
        return "do $$ begin if exists (select from pg_roles where rolname = '" + name + "') then alter role " + name + " "
                + options + "; else create role " + name + " " + options + "; end if; end $$";
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (bouncer != null) {
            bouncer.close();
        }
    }

    private static PostgresEndpoint through(String database, String user, String password) {
        return new PostgresEndpoint(new PostgresSettings(TestPostgres.HOST, bouncer.port(), database, user, SslMode.DISABLE,
                null, "snowpulse-test", SecretRef.of(SecretSource.ENVIRONMENT), Pooler.TRANSACTION), Optional.of(new Secret(password)));
    }

    @Test
    void anApplicationRoleGetsIn() throws Exception {
        try (Connection c = through(withLookup, APP, APP_PASSWORD).connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select current_user")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(APP);
        }
    }

    @Test
    void aSuperuserIsToldWhichRoleToUseAndWhereAdminWorkGoes() {
        Throwable refused = catchThrowable(() -> through(withLookup, ADMIN, ADMIN_PASSWORD).connect());

        assertThat(refused).isInstanceOf(DatabaseUnreachable.class).hasMessageContaining("user '" + ADMIN + "'")
                .hasMessageContaining("superusers and replication roles").hasMessageContaining("application role")
                .hasMessageContaining("port 5432").hasMessageNotContaining(ADMIN_PASSWORD);
    }

    @Test
    void aDatabaseWithoutThePoolerExtensionIsToldTheStatementThatEnablesIt() {
        Throwable refused = catchThrowable(() -> through(withoutLookup, APP, APP_PASSWORD).connect());

        assertThat(refused).isInstanceOf(DatabaseUnreachable.class).hasMessageContaining("database '" + withoutLookup + "'")
                .hasMessageContaining("CREATE EXTENSION snowflake_pooler;").hasMessageNotContaining(APP_PASSWORD);
    }
}
