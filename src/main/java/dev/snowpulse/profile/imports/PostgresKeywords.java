package dev.snowpulse.profile.imports;

import dev.snowpulse.profile.SslMode;
import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.profile.secret.Secret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A libpq keyword/value connection string ({@code host=db.example.com port=5432 dbname=shop user=app sslmode=require}),
 * as psql takes it: spaces around '=' allowed, values in single quotes with \' and \\ escapes. Messages never repeat
 * a value, which may be a password.
 */
final class PostgresKeywords {

    private PostgresKeywords() {
    }

    /** Whether {@code text} reads as keyword=value pairs rather than a URI. */
    static boolean looksLikeKeywords(String text) {
        String t = text == null ? "" : text.strip();
        return !t.contains("://") && t.matches("(?s)[A-Za-z_]+\\s*=.*");
    }

    static Map<String, String> pairs(String text) {
        Map<String, String> pairs = new LinkedHashMap<>();
        int i = 0;
        int n = text.length();
        while (true) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return pairs;
            }
            int keyStart = i;
            while (i < n && text.charAt(i) != '=' && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            String key = text.substring(keyStart, i);
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n || text.charAt(i) != '=') {
                throw new IllegalArgumentException("connection string: '" + shorten(key) + "' has no value (write keyword=value)");
            }
            i++;
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            StringBuilder value = new StringBuilder();
            if (i < n && text.charAt(i) == '\'') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = text.charAt(i++);
                    if (c == '\\' && i < n) {
                        value.append(text.charAt(i++));
                    } else if (c == '\'') {
                        closed = true;
                        break;
                    } else {
                        value.append(c);
                    }
                }
                if (!closed) {
                    throw new IllegalArgumentException("connection string: the value of '" + shorten(key) + "' has no closing quote");
                }
            } else {
                while (i < n && !Character.isWhitespace(text.charAt(i))) {
                    char c = text.charAt(i++);
                    if (c == '\\' && i < n) {
                        value.append(text.charAt(i++));
                    } else {
                        value.append(c);
                    }
                }
            }
            pairs.put(key, value.toString());
        }
    }

    static PostgresUri parse(String text) {
        String host = null;
        Integer port = null;
        String database = null;
        String user = null;
        Secret password = null;
        SslMode sslMode = null;
        String sslRootCert = null;
        String applicationName = null;
        List<String> ignored = new ArrayList<>();
        for (Map.Entry<String, String> pair : pairs(text).entrySet()) {
            String value = pair.getValue();
            switch (pair.getKey()) {
                case "host", "hostaddr" -> host = value;
                case "port" -> port = PostgresUri.port(value, "connection string");
                case "dbname" -> database = value;
                case "user" -> user = value;
                case "password" -> password = new Secret(value);
                case "sslmode" -> sslMode = SslMode.parse(value);
                case "sslrootcert" -> sslRootCert = value;
                case "application_name" -> applicationName = value;
                default -> ignored.add(pair.getKey());
            }
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("connection string: names no host (e.g. host=myhost port=5432 dbname=postgres)");
        }
        if (host.contains(",")) {
            throw new IllegalArgumentException("connection string: lists several hosts; SnowPulse connects to one, keep the primary");
        }
        return new PostgresUri(host, port == null ? PostgresSettings.DEFAULT_PORT : port, database == null ? "postgres" : database,
                user, sslMode == null ? PostgresSettings.defaultSslMode(host) : sslMode, sslRootCert, applicationName,
                java.util.Optional.ofNullable(password), ignored);
    }

    private static String shorten(String text) {
        return text.length() > 20 ? text.substring(0, 20) + "…" : text;
    }
}
