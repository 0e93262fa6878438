package dev.snowpulse.cli;

import dev.snowpulse.format.TextTable;
import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.profile.store.ProfileCatalog;
import dev.snowpulse.profile.secret.ResolvedSecret;
import dev.snowpulse.profile.SnowflakeSettings;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Profiles as aligned text. */
final class ProfileTable {

    private ProfileTable() {
    }

    static void print(List<ConnectionProfile> profiles, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"NAME", "ENV", "KIND", "TARGET", "SECRET"});
        for (ConnectionProfile p : profiles) {
            rows.add(new String[]{
                    p.name() + (ProfileCatalog.isBuiltIn(p.name()) ? " (built in)" : ""),
                    p.environment().label(),
                    p.kind().label(),
                    p.connection().summary(),
                    p.connection().secret().source().label()});
        }
        TextTable.print(rows, out);
    }

    static void printDetails(ConnectionProfile p, ResolvedSecret secret, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"name", p.name()});
        rows.add(new String[]{"environment", p.environment().label() + " (" + p.environment().colour() + ")"
                + (p.isProd() ? ", write actions need the name typed" : "")});
        rows.add(new String[]{"kind", p.kind().label()});
        switch (p.connection()) {
            case PostgresSettings pg -> {
                rows.add(new String[]{"host", pg.host()});
                rows.add(new String[]{"port", Integer.toString(pg.port())});
                rows.add(new String[]{"database", pg.database()});
                rows.add(new String[]{"user", pg.user()});
                rows.add(new String[]{"sslmode", pg.sslMode().libpqName()});
                rows.add(new String[]{"sslrootcert", orDash(pg.sslRootCert())});
                rows.add(new String[]{"application name", pg.applicationName()});
                rows.add(new String[]{"pooler", pg.pooler().label() + (pg.transactionPooled() ? " (no session state, unnamed statements)" : "")});
            }
            case SnowflakeSettings sf -> {
                rows.add(new String[]{"account", orDash(sf.account())});
                rows.add(new String[]{"user", orDash(sf.user())});
                rows.add(new String[]{"role", orDash(sf.role())});
                rows.add(new String[]{"warehouse", orDash(sf.warehouse())});
                rows.add(new String[]{"database", orDash(sf.database())});
                rows.add(new String[]{"schema", orDash(sf.schema())});
                rows.add(new String[]{"authenticator", sf.authenticator().label()});
                if (sf.privateKeyFile() != null) {
                    rows.add(new String[]{"private key file", sf.privateKeyFile()});
                }
                if (sf.cliConnectionName() != null) {
                    rows.add(new String[]{"connections.toml entry", sf.cliConnectionName()});
                }
                if (sf.host() != null) {
                    rows.add(new String[]{"host", sf.host()});
                }
            }
        }
        String variable = p.connection().secret().environmentVariable();
        rows.add(new String[]{"secret source", p.connection().secret().source().label() + (variable == null ? "" : " (" + variable + ")")});
        rows.add(new String[]{"secret now", secret.isMissing() ? "missing: " + secret.detail() : secret.describe()});
        TextTable.printPlain(rows, out);
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
