package dev.snowpulse.cli;

import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.profile.ConnectionSettings;
import dev.snowpulse.profile.Environment;
import dev.snowpulse.profile.EnvironmentKind;
import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.profile.Pooler;
import dev.snowpulse.profile.imports.PostgresUri;
import dev.snowpulse.profile.ProfileKind;
import dev.snowpulse.profile.SecretRef;
import dev.snowpulse.profile.SecretSource;
import dev.snowpulse.profile.SnowflakeAuthenticator;
import dev.snowpulse.profile.SnowflakeSettings;
import dev.snowpulse.profile.SslMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.util.concurrent.Callable;

@Command(name = "add", mixinStandardHelpOptions = true,
        description = {"Save a new profile. Secrets are never stored: --password-source says where to find one.",
                "Postgres: --uri postgres://user@host:5432/db?sslmode=require, or --host/--port/--database/--user.",
                "Snowflake: --account and --user, or --cli-connection NAME from connections.toml."})
final class ProfileAddCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(paramLabel = "NAME", description = "Profile name")
    String name;

    @Option(names = "--kind", defaultValue = "postgres", description = "postgres or snowflake (default: ${DEFAULT-VALUE})")
    String kind;

    @Option(names = "--env", defaultValue = "dev", description = "dev, staging, prod or custom (default: ${DEFAULT-VALUE})")
    String env;

    @Option(names = "--env-name", description = "Name of a custom environment, e.g. qa")
    String envName;

    @Option(names = "--colour", description = "Environment colour as #RRGGBB (default: the environment's)")
    String colour;

    @Option(names = "--uri", description = "libpq URI; fills host, port, database, user and sslmode")
    String uri;

    @Option(names = "--host", description = "Postgres server host name or address (required for Postgres)") String host;
    @Option(names = "--port", description = "Postgres server port (default: 5432)") Integer port;
    @Option(names = "--database", description = "Postgres database, or the Snowflake default database") String database;
    @Option(names = "--user", description = "User to sign in as (required)") String user;
    @Option(names = "--sslmode", description = "disable, allow, prefer, require, verify-ca, verify-full") String sslMode;
    @Option(names = "--sslrootcert", description = "CA certificate file for verify-ca / verify-full") String sslRootCert;
    @Option(names = "--app-name", description = "application_name shown in pg_stat_activity") String applicationName;
    @Option(names = "--pooler", paramLabel = "MODE", description = "transaction, session or none: what sits in front of the server "
            + "(default: transaction on a Snowflake Postgres host's port 5431, else none)") String pooler;

    @Option(names = "--account", description = "Snowflake account identifier, e.g. myorg-myaccount") String account;
    @Option(names = "--role", description = "Snowflake role for the session (default: the user's default role)") String role;
    @Option(names = "--warehouse", description = "Snowflake warehouse for the session") String warehouse;
    @Option(names = "--schema", description = "Snowflake default schema") String schema;
    @Option(names = "--authenticator", description = "password, key-pair, programmatic-access-token, oauth, external-browser, cli-connection")
    String authenticator;
    @Option(names = "--private-key-file", paramLabel = "FILE",
            description = "Snowflake key-pair authentication: the PKCS#8 private key file (.p8); an encrypted key's passphrase comes from the password source (default variable SNOWFLAKE_PRIVATE_KEY_PASSPHRASE)")
    String privateKeyFile;
    @Option(names = "--cli-connection", description = "Connection name in the Snowflake CLI's connections.toml") String cliConnection;
    @Option(names = "--snowflake-host", description = "Override <account>.snowflakecomputing.com") String snowflakeHost;

    @Option(names = "--password-source", defaultValue = "auto", description = "auto, keychain, env, pgpass, prompt or none (default: ${DEFAULT-VALUE})")
    String passwordSource;

    @Option(names = "--password-env", description = "Environment variable holding the secret (default: PGPASSWORD, SNOWFLAKE_PASSWORD or SNOWFLAKE_TOKEN)")
    String passwordEnv;

    ProfileAddCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        Environment environment = new Environment(EnvironmentKind.parse(env), envName, colour);
        SecretRef secret = new SecretRef(passwordEnv != null && passwordSource.equals("auto")
                ? SecretSource.ENVIRONMENT : SecretSource.parse(passwordSource), passwordEnv);
        ConnectionSettings settings = switch (ProfileKind.parse(kind)) {
            case POSTGRES -> postgres(secret);
            case SNOWFLAKE -> snowflake(secret);
        };
        ConnectionProfile profile = new ConnectionProfile(name, environment, settings);
        if (secret.source() == SecretSource.KEYCHAIN && !context.services().secrets().keychain().isAvailable()) {
            throw new IllegalArgumentException("--password-source keychain: the OS keychain is not available here ("
                    + context.services().secrets().keychain().unavailableReason() + "); choose env, pgpass, prompt or none");
        }
        context.services().profiles().save(null, profile);
        context.out().println("saved profile '" + profile.name() + "' (" + environment.label() + ", " + settings.summary() + ")");
        return Cli.OK;
    }

    private PostgresSettings postgres(SecretRef secret) {
        if (uri != null) {
            PostgresUri parsed = PostgresUri.parse(uri);
            if (parsed.password().isPresent()) {
                context.err().println("note: the URI holds a password; SnowPulse does not store it (password source: "
                        + secret.source().label() + ")");
            }
            if (!parsed.ignoredParameters().isEmpty()) {
                context.err().println("note: ignored URI parameters " + parsed.ignoredParameters());
            }
            return new PostgresSettings(orElse(host, parsed.host()), port != null ? port : parsed.port(),
                    required(orElse(database, parsed.database()), "--database", "e.g. postgres"),
                    required(orElse(user, parsed.user()), "--user", "e.g. postgres or snowflake_admin; the URI names none"),
                    sslMode != null ? SslMode.parse(sslMode) : parsed.sslMode(), orElse(sslRootCert, parsed.sslRootCert()),
                    orElse(applicationName, parsed.applicationName()), secret, pooler == null ? null : Pooler.parse(pooler));
        }
        // as the desktop form: every profile names its database and user, none is taken from the OS account
        return new PostgresSettings(required(host, "--host", "e.g. 127.0.0.1 or xxxx.snowflake.app"),
                port == null ? PostgresSettings.DEFAULT_PORT : port, required(database, "--database", "e.g. postgres"),
                required(user, "--user", "e.g. postgres or snowflake_admin"), sslMode == null ? null : SslMode.parse(sslMode),
                sslRootCert, applicationName, secret, pooler == null ? null : Pooler.parse(pooler));
    }

    private SnowflakeSettings snowflake(SecretRef secret) {
        SnowflakeAuthenticator auth = cliConnection != null && authenticator == null
                ? SnowflakeAuthenticator.CLI_CONNECTION
                : authenticator == null ? SnowflakeAuthenticator.PASSWORD : SnowflakeAuthenticator.parse(authenticator);
        return new SnowflakeSettings(account, user, role, warehouse, database, schema, snowflakeHost, auth, privateKeyFile,
                cliConnection, secret);
    }

    private static String orElse(String explicit, String fallback) {
        return explicit != null ? explicit : fallback;
    }

    private static String required(String value, String option, String example) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(option + ": required (" + example + ")");
        }
        return value;
    }
}
