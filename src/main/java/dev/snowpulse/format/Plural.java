package dev.snowpulse.format;

import java.util.Locale;

/** "1 worker", "4 workers", "1 batch", "2 batches": a count with its noun agreeing. */
public final class Plural {

    private Plural() {
    }

    public static String of(long count, String singular) {
        return of(count, singular, singular.endsWith("ch") || singular.endsWith("s") ? singular + "es" : singular + "s");
    }

    public static String of(long count, String singular, String plural) {
        return String.format(Locale.ROOT, "%d %s", count, count == 1 ? singular : plural);
    }
}
