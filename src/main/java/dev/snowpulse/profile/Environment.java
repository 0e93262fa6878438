package dev.snowpulse.profile;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.regex.Pattern;

/**
 * A profile's environment: its kind, the name shown for it and its colour (#RRGGBB).
 * A custom environment needs a name of its own; the others are named after their kind.
 */
public record Environment(EnvironmentKind kind, String label, String colour) {

    private static final Pattern HEX_COLOUR = Pattern.compile("#[0-9A-Fa-f]{6}");

    public Environment {
        if (kind == null) {
            throw new IllegalArgumentException("environment: choose dev, staging, prod or custom");
        }
        label = label == null || label.isBlank() ? null : label.strip();
        if (kind == EnvironmentKind.CUSTOM && label == null) {
            throw new IllegalArgumentException("environment: a custom environment needs a name (e.g. qa or perf)");
        }
        if (label == null) {
            label = kind.label();
        }
        if (label.length() > 24) {
            throw new IllegalArgumentException("environment: the name '" + label + "' is longer than 24 characters");
        }
        colour = colour == null || colour.isBlank() ? kind.defaultColour() : colour.strip();
        if (!HEX_COLOUR.matcher(colour).matches()) {
            throw new IllegalArgumentException("environment colour: '" + colour + "' is not a colour like #C62828");
        }
        colour = colour.toUpperCase(java.util.Locale.ROOT);
    }

    public static Environment of(EnvironmentKind kind) {
        return new Environment(kind, null, null);
    }

    @JsonIgnore
    public boolean isProd() {
        return kind == EnvironmentKind.PROD;
    }
}
