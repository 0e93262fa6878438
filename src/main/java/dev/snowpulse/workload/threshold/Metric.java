package dev.snowpulse.workload.threshold;

import java.util.Locale;

/** What a threshold measures on a finished run, after its warm-up, and in which unit it is written. */
public enum Metric {
    AVG("avg", Kind.LATENCY), P50("p50", Kind.LATENCY), P95("p95", Kind.LATENCY),
    P99("p99", Kind.LATENCY), MAX("max", Kind.LATENCY),
    /** Failed transactions as a share of all that ended, in per cent. */
    ERRORS("errors", Kind.SHARE),
    /** Successful transactions per second. */
    RATE("rate", Kind.RATE);

    public enum Kind { LATENCY, SHARE, RATE }

    private final String key;
    private final Kind kind;

    Metric(String key, Kind kind) {
        this.key = key;
        this.kind = kind;
    }

    public String key() {
        return key;
    }

    public Kind kind() {
        return kind;
    }

    /** "p95", k6's "p(95)", "med" for p50, "tps" for rate; null when none. */
    static Metric named(String name) {
        String n = name.toLowerCase(Locale.ROOT).replaceAll("^p\\((\\d+)\\)$", "p$1");
        for (Metric m : values()) {
            if (m.key.equals(n)) {
                return m;
            }
        }
        return switch (n) {
            case "med" -> P50;
            case "tps" -> RATE;
            case "error", "failures" -> ERRORS;
            default -> null;
        };
    }

    /** The unit its observed value is given in: ms for latencies, % for errors, /s for rates. */
    public String unit() {
        return switch (kind) {
            case LATENCY -> "ms";
            case SHARE -> "%";
            case RATE -> "/s";
        };
    }
}
