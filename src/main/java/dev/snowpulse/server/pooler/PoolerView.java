package dev.snowpulse.server.pooler;

import dev.snowpulse.format.Plural;
import dev.snowpulse.profile.Pooler;

import java.util.Locale;

/**
 * The pooler a profile goes through, as the Server tab and {@code snowpulse top} show it: none, or its own counts
 * where its console lets the profile's role read them, or why they could not be read.
 */
public record PoolerView(Pooler mode, PoolCounts counts, String unavailable) {

    public static PoolerView none() {
        return new PoolerView(Pooler.NONE, null, null);
    }

    public static PoolerView of(Pooler mode, PoolCounts counts) {
        return new PoolerView(mode, counts, null);
    }

    public static PoolerView unavailable(Pooler mode, String why) {
        return new PoolerView(mode, null, why);
    }

    public boolean pooled() {
        return mode != Pooler.NONE;
    }

    /** One line for the tab and top; empty without a pooler. */
    public String summary() {
        if (!pooled()) {
            return "";
        }
        String sessions = mode == Pooler.TRANSACTION
                ? "the sessions listed are the pooler's server connections, shared by its clients a transaction at a time"
                : "each session listed is the pooler's server connection of one client";
        if (counts == null) {
            return "Through a " + mode.label() + "-mode pooler: " + sessions + ". Its own counts of clients and server "
                    + "connections are not shown: " + unavailable + ".";
        }
        String waiting = counts.clientsWaiting() == 0 ? "none waiting"
                : String.format(Locale.ROOT, "%d waiting for a server connection, the longest for %s", counts.clientsWaiting(),
                        counts.longestWaitSeconds() < 1 ? String.format(Locale.ROOT, "%.0f ms", counts.longestWaitSeconds() * 1000)
                                : String.format(Locale.ROOT, "%.1f s", counts.longestWaitSeconds()));
        String pool = counts.poolSize() <= 0 ? "" : counts.pools() > 1
                ? " of " + counts.pools() + " pools (users) of " + counts.poolSize() + " each" : " of a pool of " + counts.poolSize();
        return String.format(Locale.ROOT, "Through PgBouncer (%s pooling): %s (%s) %s %s%s (%d active, %d idle); %s.",
                counts.poolMode().isEmpty() ? mode.label() : counts.poolMode(), Plural.of(counts.clients(), "client"), waiting,
                counts.clients() == 1 ? "uses" : "share", Plural.of(counts.servers(), "server connection"), pool,
                counts.serversActive(), counts.serversIdle(), sessions);
    }
}
