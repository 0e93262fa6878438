package dev.snowpulse.ui.common;

/** A failure in one line a person can act on: the first line of its message, or its kind when it has none. */
public final class Failures {

    private Failures() {
    }

    public static String firstLine(Throwable failure) {
        String text = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return text.lines().findFirst().orElse(text);
    }
}
