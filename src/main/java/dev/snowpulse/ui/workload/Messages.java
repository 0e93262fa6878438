package dev.snowpulse.ui.workload;

/** A failure in one line a person can act on. */
final class Messages {

    private Messages() {
    }

    static String of(Throwable failure) {
        String text = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return text.lines().findFirst().orElse(text);
    }
}
