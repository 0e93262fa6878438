package dev.snowpulse.schema;

import dev.snowpulse.db.PostgresEndpoint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Consumer;

/** Initialising, upgrading and resetting the e-commerce schema on one Postgres endpoint. Blocking. */
public final class SchemaService {

    public static final int DEFAULT_RESTOCK = 100;

    private final PostgresEndpoint endpoint;
    private final SchemaMigrations migrations;

    public SchemaService(PostgresEndpoint endpoint) {
        this.endpoint = endpoint;
        this.migrations = new SchemaMigrations(endpoint.dataSource());
    }

    public SchemaStatus status() throws SQLException {
        return migrations.status();
    }

    /** Said when a schema change is asked through a transaction-mode pooler. */
    public static final String NEEDS_DIRECT_CONNECTION = "schema changes need a direct connection, not one through a "
            + "transaction-mode pooler (Flyway holds a session lock across its transactions): use a profile on the server's "
            + "own port (Snowflake Postgres: 5432, not the pooler's 5431), then come back to this one for the workload";

    /** Applies what is pending; refused through a transaction-mode pooler, where a migration's session lock is not safe. */
    public SchemaStatus initialize(Consumer<MigrationEvent> log) throws SQLException, MigrationFailure {
        if (endpoint.settings().transactionPooled()) {
            throw new SQLException(NEEDS_DIRECT_CONNECTION, "55000");
        }
        return migrations.migrate(log);
    }

    /** Empties orders and payments and restocks every product (reset_demo_data in R__demo_data.sql). */
    public void resetDemoData(Restock restock) throws SQLException {
        try (Connection c = endpoint.connect();
             PreparedStatement s = c.prepareStatement("select reset_demo_data(?)")) {
            s.setInt(1, restock.unitsPerProduct());
            s.execute();
        }
    }

    /** The text of one of SnowPulse's SQL files, exactly as it is applied. */
    public static String sqlOf(String script) throws IOException {
        if (!script.matches("[A-Za-z0-9_.\\-]+\\.sql")) {
            throw new IOException("not a SnowPulse SQL file name: " + script);
        }
        try (InputStream in = SchemaService.class.getResourceAsStream("/sql/postgres/" + script)) {
            if (in == null) {
                throw new IOException(script + " is not among SnowPulse's SQL files");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
