package dev.snowpulse.ui.workload;

import dev.snowpulse.workload.Outcome;
import dev.snowpulse.workload.OutcomeCounts;

import java.time.Duration;
import java.util.Locale;

/** How the Workload tab writes counts, rates, latencies and times. */
final class Figures {

    private Figures() {
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, perSecond >= 100 ? "%,.0f" : "%,.1f", perSecond);
    }

    static String millis(double ms) {
        return decimal(ms) + " ms";
    }

    /** Three significant digits or so: 0.62, 4.70, 38.8, 1,204. */
    static String decimal(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%,.0f" : value >= 10 ? "%.1f" : "%.2f", value);
    }

    static String clock(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** "13 out of stock, 2 other SQL error [40001: 2]", or "none". */
    static String failures(OutcomeCounts counts) {
        StringBuilder text = new StringBuilder();
        for (Outcome o : Outcome.values()) {
            if (o != Outcome.OK && counts.of(o) > 0) {
                text.append(text.isEmpty() ? "" : ", ").append(count(counts.of(o))).append(' ').append(o.label());
            }
        }
        counts.otherBySqlState().forEach((state, n) -> text.append(" [").append(state).append(": ").append(count(n)).append(']'));
        return text.isEmpty() ? "none" : text.toString();
    }
}
