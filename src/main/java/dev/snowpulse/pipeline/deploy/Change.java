package dev.snowpulse.pipeline.deploy;

/** What one statement of a deploy changes in the database, in words a person checks before saying yes. */
public record Change(Kind kind, String subject, String detail) {

    public enum Kind {
        DATABASE_CREATED("database created"),
        SCHEMA_CREATED("schema created"),
        TABLE_CREATED("table created"),
        COLUMN_ADDED("column added"),
        NOT_NULL_DROPPED("NOT NULL dropped"),
        PRIMARY_KEY_DROPPED("primary key dropped"),
        TYPE_WIDENED("column type changed, values kept"),
        ROWS_ADDED("rows added"),
        INDEX_CREATED("index created"),
        ROUTINE_CREATED("created"),
        ROUTINE_REPLACED("replaced"),
        TASK_CREATED("task created"),
        TASK_REPLACED("task replaced"),
        TASK_SUSPENDED("task suspended for the deploy"),
        STREAM_CREATED("stream created");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    public String describe() {
        return kind.words() + ": " + subject + (detail == null || detail.isBlank() ? "" : " (" + detail + ")");
    }
}
