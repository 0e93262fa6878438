package dev.snowpulse.db;

import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.profile.secret.Secret;

import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/** pgjdbc URL and properties for a Postgres profile; the timeout bounds connecting and signing in. */
public final class PostgresTargets {

    private PostgresTargets() {
    }

    public static JdbcTarget of(PostgresSettings pg, Optional<Secret> password, Duration timeout) {
        String host = pg.host().contains(":") ? "[" + pg.host() + "]" : pg.host();
        Properties props = new Properties();
        props.setProperty("user", pg.user());
        password.ifPresent(p -> props.setProperty("password", p.value()));
        props.setProperty("sslmode", pg.sslMode().libpqName());
        if (pg.sslRootCert() != null) {
            props.setProperty("sslrootcert", pg.sslRootCert());
        }
        props.setProperty("ApplicationName", pg.applicationName());
        if (pg.transactionPooled()) {
            // the next transaction may run on another server connection, where a named statement does not exist
            // (SQLSTATE 26000) or another client's does (42P05): unnamed statements only, as pgbench -M extended
            props.setProperty("prepareThreshold", "0");
        }
        int seconds = (int) Math.max(1, timeout.toSeconds());
        props.setProperty("connectTimeout", Integer.toString(seconds));
        props.setProperty("loginTimeout", Integer.toString(seconds));
        // no socketTimeout: migrations and bulk work may rightly take minutes; callers that must answer in time
        // bound their own work (the connection test does, statements get a statement timeout)
        return new JdbcTarget("jdbc:postgresql://" + host + ":" + pg.port() + "/" + encode(pg.database()), props,
                pg.summary());
    }

    private static String encode(String database) {
        return java.net.URLEncoder.encode(database, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
