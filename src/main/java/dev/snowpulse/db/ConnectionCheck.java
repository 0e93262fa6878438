package dev.snowpulse.db;

import java.time.Duration;

/** What a connection test found: the server, how long a round trip takes, whether TLS is in use; or what failed. */
public record ConnectionCheck(boolean ok, String serverVersion, Duration roundTrip, boolean tls, String target, String message) {

    public static ConnectionCheck success(String serverVersion, Duration roundTrip, boolean tls, String target) {
        return new ConnectionCheck(true, serverVersion, roundTrip, tls, target, "connected");
    }

    public static ConnectionCheck failure(String target, String message) {
        return new ConnectionCheck(false, null, null, false, target, message);
    }

    /** A connection that worked, with advice on its settings (e.g. a pooler the profile does not know of). */
    public ConnectionCheck withHint(String hint) {
        return new ConnectionCheck(ok, serverVersion, roundTrip, tls, target, hint);
    }

    /** "PostgreSQL 15.19 · 0.4 ms · TLS", then any hint. */
    public String summary() {
        if (!ok) {
            return message;
        }
        return serverVersion + " · " + formatMillis(roundTrip) + " · " + (tls ? "TLS" : "no TLS")
                + ("connected".equals(message) ? "" : ". " + message);
    }

    public static String formatMillis(Duration duration) {
        double ms = duration.toNanos() / 1_000_000.0;
        return ms < 10 ? String.format(java.util.Locale.ROOT, "%.1f ms", ms) : String.format(java.util.Locale.ROOT, "%.0f ms", ms);
    }
}
