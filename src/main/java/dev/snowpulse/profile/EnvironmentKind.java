package dev.snowpulse.profile;

import java.util.Locale;

/** The environments a profile can belong to, each with the colour the app frames it in by default. */
public enum EnvironmentKind {
    DEV("#2E7D32"),
    STAGING("#EF8F00"),
    PROD("#C62828"),
    CUSTOM("#6A4FB3");

    private final String defaultColour;

    EnvironmentKind(String defaultColour) {
        this.defaultColour = defaultColour;
    }

    public String defaultColour() {
        return defaultColour;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EnvironmentKind parse(String text) {
        for (EnvironmentKind kind : values()) {
            if (kind.label().equalsIgnoreCase(text.trim())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown environment '" + text + "' (use dev, staging, prod or custom)");
    }
}
