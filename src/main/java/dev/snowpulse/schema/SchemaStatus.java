package dev.snowpulse.schema;

import java.util.List;

/** The state of every SQL file against one database. */
public record SchemaStatus(DatabaseOrigin origin, List<SchemaFile> files) {

    public SchemaStatus {
        files = List.copyOf(files);
    }

    public long count(FileState state) {
        return files.stream().filter(f -> f.state() == state).count();
    }

    /** Something to apply: pending or changed files, or a database not yet under SnowPulse's history. */
    public boolean needsMigration() {
        return origin != DatabaseOrigin.MANAGED || count(FileState.PENDING) > 0 || count(FileState.CHANGED) > 0
                || count(FileState.FAILED) > 0;
    }

    /** "Initialize", "Adopt and upgrade", "Upgrade" or "Up to date". */
    public String action() {
        return switch (origin) {
            case EMPTY -> "Initialize";
            case SEED_PROJECT -> "Adopt and upgrade";
            case MANAGED -> needsMigration() ? "Upgrade" : "Up to date";
        };
    }
}
