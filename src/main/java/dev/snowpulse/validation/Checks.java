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

    /**
     * A whole number typed in a field, digit groups allowed ("1,000,000", "1_000_000"); anything else is refused
     * with the text as typed. {@code subject} names the field in the message as its form labels it.
     */
    public static int wholeNumber(String field, String subject, String text) {
        String typed = text == null ? "" : text.strip();
        try {
            return Integer.parseInt(typed.replace(",", "").replace("_", ""));
        } catch (NumberFormatException e) {
            throw new FieldError(field, subject, "'" + typed + "' is not a whole number");
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
