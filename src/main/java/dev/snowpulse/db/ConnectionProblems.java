package dev.snowpulse.db;

import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.profile.SnowflakeSettings;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import javax.net.ssl.SSLException;

/**
 * Turns a driver failure into one sentence a person can act on: which host, which setting, what to check.
 * Driver messages are not passed through verbatim beyond their first line, so no connection property leaks.
 */
public final class ConnectionProblems {

    private ConnectionProblems() {
    }

    public static String explain(PostgresSettings pg, Throwable failure) {
        if (failure instanceof DatabaseUnreachable explained) {
            return explained.getMessage();
        }
        String where = pg.host() + ":" + pg.port();
        Throwable root = rootCause(failure);
        String state = failure instanceof SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "";
        if (root instanceof UnknownHostException) {
            return "host '" + pg.host() + "' could not be resolved: check the host setting and your network/DNS";
        }
        if (root instanceof ConnectException || root instanceof NoRouteToHostException) {
            return "nothing accepted a connection on " + where + ": check the host and port settings, "
                    + "that PostgreSQL is running there and listening on TCP, and any firewall or network policy";
        }
        if (root instanceof SocketTimeoutException || state.equals("08001") && mentions(failure, "timed out")) {
            return where + " did not answer in time: check the host and port, and that a network policy allows your IP";
        }
        if (root instanceof SSLException || mentions(failure, "SSL")) {
            return "TLS with " + where + " failed (sslmode=" + pg.sslMode() + "): check the sslmode"
                    + (pg.sslMode().verifiesCertificate() ? " and sslrootcert settings" : " setting")
                    + " — " + firstLine(root.getMessage());
        }
        // PgBouncer's own refusals, in its words; Snowflake Postgres's pooler checks roles through snowflake_pooler
        if (mentions(failure, "no such user")) {
            return "the pooler at " + where + " does not know user '" + pg.user() + "' (PgBouncer: no such user). On Snowflake "
                    + "Postgres, superusers and replication roles (snowflake_admin among them) cannot connect through the "
                    + "pooler: connect as an application role, or directly on port 5432 for admin work";
        }
        if (mentions(failure, "bouncer config error")) {
            return "the pooler at " + where + " could not look up user '" + pg.user() + "' in database '" + pg.database()
                    + "' (PgBouncer: bouncer config error). On Snowflake Postgres, run CREATE EXTENSION snowflake_pooler; in "
                    + "that database (connected directly on port 5432, as snowflake_admin), then connect again";
        }
        return switch (state) {
            case "3D000" -> "database '" + pg.database() + "' does not exist on " + where + ": check the database setting";
            case "28P01", "28000" -> "the server at " + where + " refused user '" + pg.user()
                    + "': check the user and the password source (" + pg.password().source().label() + ")";
            case "53300" -> mentions(failure, "for role")
                    ? "user '" + pg.user() + "' has reached its connection limit on " + where + ": close other sessions or raise it (ALTER ROLE ... CONNECTION LIMIT)"
                    : "the server at " + where + " has no free connection slots: try again later or raise max_connections";
            case "57P03" -> "the server at " + where + " is starting up or shutting down: try again in a moment";
            default -> "connecting to " + where + " failed" + (state.isEmpty() ? "" : " (SQLSTATE " + state + ")")
                    + ": " + firstLine(failure.getMessage());
        };
    }

    /** snowflake-jdbc's words when a named connection is not in connections.toml. */
    public static final String MISSING_CLI_CONNECTION = "The profile's connection name is not in connections.toml "
            + "($SNOWFLAKE_HOME/connections.toml, else ~/.snowflake/connections.toml): check the name on the Connections tab, "
            + "or add the connection there (snow connection add).";

    public static boolean missingCliConnection(Throwable failure) {
        return mentions(failure, "Unavailable connection configuration parameters");
    }

    public static String explain(SnowflakeSettings sf, Throwable failure) {
        String where = sf.host() != null ? sf.host() : sf.account() == null ? "connection " + sf.cliConnectionName() : sf.account();
        if (failure instanceof SnowflakeDriver.Missing) {
            return failure.getMessage();
        }
        if (sf.cliConnectionName() != null && missingCliConnection(failure)) {
            return "connection '" + sf.cliConnectionName() + "' is not in connections.toml ($SNOWFLAKE_HOME/connections.toml, "
                    + "else ~/.snowflake/connections.toml): check the profile's connection name, or add it there (snow connection add)";
        }
        if (failure instanceof SQLException sql) {
            String code = sql.getErrorCode() == 0 ? "" : "error " + sql.getErrorCode() + ", ";
            String state = sql.getSQLState() == null ? "" : "SQL state " + sql.getSQLState();
            String hint = switch (sql.getErrorCode()) {
                case 390100 -> ": check the user and the password";
                case 390144 -> ": check the private key file and its passphrase";
                case 390303, 390318 -> ": check the token and its expiry";
                case 390201 -> ": check the database, schema, warehouse and role settings";
                default -> "";
            };
            return "Snowflake " + where + " refused the connection (" + code + state + "): "
                    + firstLine(sql.getMessage()) + hint;
        }
        Throwable root = rootCause(failure);
        if (root instanceof UnknownHostException) {
            return "account host for '" + where + "' could not be resolved: check the account identifier";
        }
        return "connecting to Snowflake " + where + " failed: " + firstLine(root.getMessage());
    }

    private static boolean mentions(Throwable failure, String word) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(word)) {
                return true;
            }
        }
        return false;
    }

    static Throwable rootCause(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "no details";
        }
        return message.lines().findFirst().orElse("no details").strip();
    }
}
