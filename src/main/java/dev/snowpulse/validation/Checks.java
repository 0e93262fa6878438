package dev.snowpulse.validation;

/** The checks records make of their values; each refusal is a {@link FieldError} naming the field. */
public final class Checks {

    private Checks() {
    }

    public static void range(String field, long value, long min, long max) {
        range(field, value, min, max, "");
    }

    /** {@code unit} follows the value in the message, e.g. " minutes". */
    public static void range(String field, long value, long min, long max, String unit) {
        if (value < min || value > max) {
            throw new FieldError(field, value + unit + " is outside " + min + ".." + max);
        }
    }

    /** The value stripped; blank or missing is refused with an example of what to give. */
    public static String required(String field, String value, String example) {
        if (value == null || value.isBlank()) {
            throw new FieldError(field, "required (" + example + ")");
        }
        return value.strip();
    }
}
