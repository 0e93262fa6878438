package dev.snowpulse.profile.imports;

import dev.snowpulse.profile.SslMode;
import dev.snowpulse.profile.SecretRef;
import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.profile.secret.Secret;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A libpq connection URI ({@code postgres://user:password@host:5432/db?sslmode=require}), as Snowsight hands out
 * for Snowflake Postgres, or the same as libpq keyword/value pairs ({@code host=... dbname=...}, as psql accepts).
 * Messages never repeat the URI, which may carry a password.
 */
public record PostgresUri(
        String host,
        int port,
        String database,
        String user,
        SslMode sslMode,
        String sslRootCert,
        String applicationName,
        Optional<Secret> password,
        List<String> ignoredParameters) {

    public PostgresUri {
        ignoredParameters = List.copyOf(ignoredParameters);
    }

    public static boolean looksLikeUri(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return t.startsWith("postgres://") || t.startsWith("postgresql://") || PostgresKeywords.looksLikeKeywords(text);
    }

    public static PostgresUri parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("connection URI: paste one like postgres://user@host:5432/postgres?sslmode=require");
        }
        String uri = text.strip();
        if (PostgresKeywords.looksLikeKeywords(uri)) {
            return PostgresKeywords.parse(uri);
        }
        int schemeEnd = uri.indexOf("://");
        String scheme = schemeEnd < 0 ? "" : uri.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        if (!scheme.equals("postgres") && !scheme.equals("postgresql")) {
            throw new IllegalArgumentException("connection URI: must start with postgres:// or postgresql://, or be keyword=value pairs (host=... dbname=...)");
        }
        String rest = uri.substring(schemeEnd + 3);
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        String path = "";
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            path = rest.substring(slash + 1);
            rest = rest.substring(0, slash);
        }
        String userInfo = "";
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
        }

        String user = null;
        Secret password = null;
        if (!userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            user = decode(colon >= 0 ? userInfo.substring(0, colon) : userInfo, "user");
            if (colon >= 0) {
                password = new Secret(decode(userInfo.substring(colon + 1), "password"));
            }
        }
        if (rest.contains(",")) {
            throw new IllegalArgumentException("connection URI: lists several hosts; SnowPulse connects to one, keep the primary");
        }
        String host = null;
        String portText = null;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("connection URI: an IPv6 host needs a closing ] (e.g. [::1]:5432)");
            }
            host = rest.substring(1, close);
            String after = rest.substring(close + 1);
            if (after.startsWith(":")) {
                portText = after.substring(1);
            } else if (!after.isEmpty()) {
                throw new IllegalArgumentException("connection URI: unexpected text after the IPv6 host");
            }
        } else if (!rest.isEmpty()) {
            int colon = rest.lastIndexOf(':');
            host = colon >= 0 ? rest.substring(0, colon) : rest;
            portText = colon >= 0 ? rest.substring(colon + 1) : null;
            host = decode(host, "host");
        }
        Integer port = portText == null || portText.isEmpty() ? null : parsePort(portText);
        String database = path.isEmpty() ? null : decode(path, "database");

        SslMode sslMode = null;
        String sslRootCert = null;
        String applicationName = null;
        List<String> ignored = new ArrayList<>();
        if (!query.isEmpty()) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("connection URI: parameter '" + safeName(pair) + "' has no value (write name=value)");
                }
                String name = decode(pair.substring(0, eq), "parameter name");
                String value = decode(pair.substring(eq + 1), name);
                switch (name) {
                    case "sslmode" -> sslMode = SslMode.parse(value);
                    case "sslrootcert" -> sslRootCert = value;
                    case "application_name" -> applicationName = value;
                    case "host" -> host = value;
                    case "port" -> port = parsePort(value);
                    case "dbname" -> database = value;
                    case "user" -> user = value;
                    case "password" -> password = new Secret(value);
                    default -> ignored.add(name);
                }
            }
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("connection URI: names no host (e.g. postgres://user@myhost:5432/postgres)");
        }
        if (sslMode == null) {
            sslMode = PostgresSettings.defaultSslMode(host);
        }
        return new PostgresUri(host, port == null ? PostgresSettings.DEFAULT_PORT : port,
                database == null ? "postgres" : database, user, sslMode, sslRootCert, applicationName,
                Optional.ofNullable(password), ignored);
    }

    private static int parsePort(String text) {
        return port(text, "connection URI");
    }

    /** A port from 1 to 65535, or a message that starts with {@code what} and does not repeat much of the text. */
    static int port(String text, String what) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(what + ": port '" + safeName(text) + "' is not a number from 1 to 65535");
    }

    private static String decode(String text, String what) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("connection URI: the " + what + " has a broken %-escape");
        }
    }

    private static String safeName(String text) {
        return text.length() > 20 ? text.substring(0, 20) + "…" : text;
    }

    /** Settings for a profile, with the user falling back to {@code defaultUser} when the URI names none. */
    public PostgresSettings toSettings(String defaultUser, SecretRef secret) {
        return new PostgresSettings(host, port, database, user == null ? defaultUser : user, sslMode, sslRootCert,
                applicationName, secret);
    }

    @Override
    public String toString() {
        return "PostgresUri[" + (user == null ? "" : user + "@") + host + ":" + port + "/" + database
                + ", sslmode=" + sslMode + (password.isPresent() ? ", password=****" : "") + "]";
    }
}
