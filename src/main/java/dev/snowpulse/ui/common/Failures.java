package dev.snowpulse.ui.common;

/**
 * A failure in one line a person can act on: the first line of its message (connection failures are already
 * explained where connections are opened, see DatabaseUnreachable), or its kind when it has none. Without a closing
 * period, so callers can go on with a sentence of their own.
 */
public final class Failures {

    private Failures() {
    }

    public static String firstLine(Throwable failure) {
        String text = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        String line = text.lines().findFirst().orElse(text).strip();
        return line.endsWith(".") && !line.endsWith("..") ? line.substring(0, line.length() - 1) : line;
    }
}
