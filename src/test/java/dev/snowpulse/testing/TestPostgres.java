package dev.snowpulse.testing;

import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.profile.SecretRef;
import dev.snowpulse.profile.SecretSource;
import dev.snowpulse.profile.SslMode;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh database on the real PostgreSQL for each test class, dropped afterwards. The server is the one CI starts
 * on 127.0.0.1:5432 (override with SNOWPULSE_TEST_PGHOST / SNOWPULSE_TEST_PGPORT / SNOWPULSE_TEST_PGUSER).
 * Use as {@code @RegisterExtension static TestPostgres pg = new TestPostgres();}.
 */
public final class TestPostgres implements BeforeAllCallback, AfterAllCallback {

    public static final String HOST = env("SNOWPULSE_TEST_PGHOST", "127.0.0.1");
    public static final int PORT = Integer.parseInt(env("SNOWPULSE_TEST_PGPORT", "5432"));
    public static final String USER = env("SNOWPULSE_TEST_PGUSER", "postgres");

    private String database;
    private final java.util.List<String> extra = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        database = "sp_" + context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT) + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        admin("create database " + database);
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        admin("drop database if exists " + database + " with (force)");
        for (String name : extra) {
            admin("drop database if exists " + name + " with (force)");
        }
    }

    /** Another empty database for this class, dropped with it; for tests that each need a fresh one. */
    public PostgresSettings freshDatabase() throws SQLException {
        String name = database + "_" + (extra.size() + 1);
        admin("create database " + name);
        extra.add(name);
        return new PostgresSettings(HOST, PORT, name, USER, SslMode.PREFER, null, "snowpulse-test",
                SecretRef.of(SecretSource.NONE));
    }

    /** This class's database with SnowPulse's schema applied (once; later calls find it up to date). */
    public dev.snowpulse.db.PostgresEndpoint initialisedEndpoint() throws Exception {
        dev.snowpulse.db.PostgresEndpoint endpoint = endpoint();
        new dev.snowpulse.schema.SchemaService(endpoint).initialize(event -> { });
        return endpoint;
    }

    public dev.snowpulse.db.PostgresEndpoint endpoint() {
        return new dev.snowpulse.db.PostgresEndpoint(settings(), java.util.Optional.empty());
    }

    public static dev.snowpulse.db.PostgresEndpoint endpoint(PostgresSettings settings) {
        return new dev.snowpulse.db.PostgresEndpoint(settings, java.util.Optional.empty());
    }

    public String database() {
        return database;
    }

    /** Settings that reach this class's database with trust authentication. */
    public PostgresSettings settings() {
        return new PostgresSettings(HOST, PORT, database, USER, SslMode.PREFER, null, "snowpulse-test",
                SecretRef.of(SecretSource.NONE));
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/" + database + "?user=" + USER);
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres?user=" + USER);
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
