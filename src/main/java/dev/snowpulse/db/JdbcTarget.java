package dev.snowpulse.db;

import java.util.Properties;

/**
 * A JDBC URL with its connection properties. toString never shows the properties, which may hold a secret.
 */
public record JdbcTarget(String url, Properties properties, String displayName) {

    public JdbcTarget {
        Properties copy = new Properties();
        copy.putAll(properties);
        properties = copy;
    }

    @Override
    public String toString() {
        return "JdbcTarget[" + displayName + "]";
    }
}
