package dev.snowpulse.profile;

/** What a profile connects to. */
public enum ProfileKind {
    POSTGRES("Postgres"),
    SNOWFLAKE("Snowflake");

    private final String label;

    ProfileKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static ProfileKind parse(String text) {
        for (ProfileKind kind : values()) {
            if (kind.name().equalsIgnoreCase(text.trim()) || kind.label.equalsIgnoreCase(text.trim())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown kind '" + text + "' (use postgres or snowflake)");
    }
}
