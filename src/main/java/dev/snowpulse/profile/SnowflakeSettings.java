package dev.snowpulse.profile;

import dev.snowpulse.validation.Checks;
import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.regex.Pattern;

/**
 * A Snowflake account and session context. With {@link SnowflakeAuthenticator#CLI_CONNECTION} the driver reads the
 * named connection from the Snowflake CLI's connections.toml and the other fields only show what it holds.
 * {@code host} overrides {@code <account>.snowflakecomputing.com} (private link, or a test endpoint).
 */
public record SnowflakeSettings(
        String account,
        String user,
        String role,
        String warehouse,
        String database,
        String schema,
        String host,
        SnowflakeAuthenticator authenticator,
        String privateKeyFile,
        String cliConnectionName,
        SecretRef secret) implements ConnectionSettings {

    private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9._\\-]+");

    public SnowflakeSettings {
        authenticator = authenticator == null ? SnowflakeAuthenticator.PASSWORD : authenticator;
        account = blankToNull(account);
        user = blankToNull(user);
        role = blankToNull(role);
        warehouse = blankToNull(warehouse);
        database = blankToNull(database);
        schema = blankToNull(schema);
        host = blankToNull(host);
        privateKeyFile = blankToNull(privateKeyFile);
        cliConnectionName = blankToNull(cliConnectionName);
        secret = secret == null ? SecretRef.auto() : secret;
        if (authenticator == SnowflakeAuthenticator.CLI_CONNECTION) {
            if (cliConnectionName == null) {
                throw new IllegalArgumentException("connection name: required to use a connection from connections.toml (e.g. default)");
            }
        } else {
            account = Checks.required("account", account, "the account identifier, e.g. myorg-myaccount");
            if (!ACCOUNT.matcher(account).matches()) {
                throw new IllegalArgumentException("account: '" + account + "' is not an account identifier like myorg-myaccount");
            }
            if (authenticator != SnowflakeAuthenticator.OAUTH) {
                user = Checks.required("user", user, "your Snowflake login name");
            }
        }
        if (authenticator == SnowflakeAuthenticator.KEY_PAIR && privateKeyFile == null) {
            throw new IllegalArgumentException("private key file: required for key-pair sign-in (e.g. ~/.snowflake/rsa_key.p8)");
        }
    }

    @Override
    @JsonIgnore
    public ProfileKind kind() {
        return ProfileKind.SNOWFLAKE;
    }

    @Override
    public String summary() {
        if (authenticator == SnowflakeAuthenticator.CLI_CONNECTION) {
            return "connections.toml: " + cliConnectionName;
        }
        StringBuilder text = new StringBuilder(user == null ? "" : user + "@").append(account);
        if (warehouse != null) {
            text.append(" · ").append(warehouse);
        }
        return text.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
