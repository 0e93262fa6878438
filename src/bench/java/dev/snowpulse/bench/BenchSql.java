package dev.snowpulse.bench;

import dev.snowpulse.db.PostgresEndpoint;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The benchmarks' small helpers: a statement on a connection of its own, one value, an environment variable with a
 * default. The source launcher compiles this file beside the benchmark it starts (JDK 22 and later).
 */
final class BenchSql {

    private BenchSql() {
    }

    static void execute(PostgresEndpoint endpoint, String sql) throws SQLException {
        try (Connection c = endpoint.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static String single(PostgresEndpoint endpoint, String sql) throws SQLException {
        try (Connection c = endpoint.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
