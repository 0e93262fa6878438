package dev.snowpulse.profile;

import java.util.Locale;

/** libpq's sslmode values, weakest first. */
public enum SslMode {
    DISABLE, ALLOW, PREFER, REQUIRE, VERIFY_CA, VERIFY_FULL;

    public String libpqName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean verifiesCertificate() {
        return this == VERIFY_CA || this == VERIFY_FULL;
    }

    public static SslMode parse(String text) {
        for (SslMode mode : values()) {
            if (mode.libpqName().equalsIgnoreCase(text.trim())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown sslmode '" + text
                + "' (use disable, allow, prefer, require, verify-ca or verify-full)");
    }

    @Override
    public String toString() {
        return libpqName();
    }
}
