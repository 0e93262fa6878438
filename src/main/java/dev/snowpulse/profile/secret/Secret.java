package dev.snowpulse.profile.secret;

/**
 * A password, token or passphrase. Its toString never shows the value, so a secret that slips into a log line,
 * an exception message or a debugger view shows as stars.
 */
public record Secret(String value) {

    public Secret {
        if (value == null) {
            throw new IllegalArgumentException("a secret needs a value");
        }
    }

    @Override
    public String toString() {
        return "Secret[****]";
    }
}
