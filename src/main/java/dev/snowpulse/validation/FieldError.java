package dev.snowpulse.validation;

/**
 * A value refused by a record's constructor: which field (a key the record publishes, so a form can mark the input
 * without reading the message) and a message that names the field and what it accepts.
 */
public final class FieldError extends IllegalArgumentException {

    private final String field;
    private final String reason;

    public FieldError(String field, String message) {
        this(field, field, message);
    }

    /** Refused as {@code field}, worded as about {@code subject} (e.g. "orders per worker or duration"). */
    public FieldError(String field, String subject, String message) {
        super(subject + ": " + message);
        this.field = field;
        this.reason = message;
    }

    /** What is wrong, without the field's name: a form puts its own label in front. */
    public String reason() {
        return reason;
    }

    /** The key of the refused field, as the record names it (e.g. "workers"). */
    public String field() {
        return field;
    }
}
