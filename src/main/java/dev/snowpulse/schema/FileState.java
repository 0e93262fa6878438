package dev.snowpulse.schema;

/** Where one SQL file stands against a database. */
public enum FileState {
    APPLIED("applied"),
    PENDING("pending"),
    /** Applied, but the file has been edited since (a repeatable file is then re-applied; a versioned one is refused). */
    CHANGED("changed since applied"),
    FAILED("failed"),
    /** The migration history of an adopted database starts here. */
    BASELINE("adopted (baseline)"),
    /** In the database's history but no longer among SnowPulse's files (a newer SnowPulse applied it). */
    UNKNOWN("not in this SnowPulse");

    private final String label;

    FileState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
