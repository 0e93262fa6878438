package dev.snowpulse.profile;

import java.util.regex.Pattern;

/** How to find a profile's secret: a source and, for environment variables, which variable. */
public record SecretRef(SecretSource source, String environmentVariable) {

    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public SecretRef {
        source = source == null ? SecretSource.AUTO : source;
        environmentVariable = environmentVariable == null || environmentVariable.isBlank() ? null : environmentVariable.strip();
        if (environmentVariable != null && !VARIABLE_NAME.matcher(environmentVariable).matches()) {
            throw new IllegalArgumentException("password variable: '" + environmentVariable
                    + "' is not an environment variable name (letters, digits and _)");
        }
    }

    public static SecretRef auto() {
        return new SecretRef(SecretSource.AUTO, null);
    }

    public static SecretRef of(SecretSource source) {
        return new SecretRef(source, null);
    }

    public static SecretRef environment(String variable) {
        return new SecretRef(SecretSource.ENVIRONMENT, variable);
    }
}
