package dev.snowpulse.schema;

/** One line of the live log while files are applied. */
public record MigrationEvent(Kind kind, String script, long millis, String message) {

    public enum Kind { STARTED, APPLIED, FAILED, INFO }

    public String line() {
        return switch (kind) {
            case STARTED -> "applying " + script + " …";
            case APPLIED -> "applied  " + script + " in " + millis + " ms";
            case FAILED -> "FAILED   " + script + ": " + message;
            case INFO -> message;
        };
    }
}
