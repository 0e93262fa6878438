package dev.snowpulse.ui.common;

import java.time.Duration;

/** How often a live tab (KPIs, Server) polls: the seed's refresh button (off) or Grafana's usual choices. */
public enum RefreshInterval {
    OFF(null), S1(Duration.ofSeconds(1)), S2(Duration.ofSeconds(2)), S5(Duration.ofSeconds(5)), S10(Duration.ofSeconds(10)),
    S30(Duration.ofSeconds(30));

    private final Duration period;

    RefreshInterval(Duration period) {
        this.period = period;
    }

    public Duration period() {
        return period;
    }

    /**
     * A refresh may take this long before the database is told to give up: the interval, at least 2 s, at most 10 s.
     * A slow refresh then costs one skipped tick, never a pile of them.
     */
    public Duration statementTimeout() {
        if (period == null) {
            return Duration.ofSeconds(10);
        }
        return period.compareTo(Duration.ofSeconds(2)) < 0 ? Duration.ofSeconds(2)
                : period.compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : period;
    }

    @Override
    public String toString() {
        return period == null ? "Off" : "every " + period.toSeconds() + " s";
    }
}
