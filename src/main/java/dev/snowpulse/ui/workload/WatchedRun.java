package dev.snowpulse.ui.workload;

import dev.snowpulse.profile.ConnectionProfile;

/**
 * A workload run the Workload tab's server strip follows: where it runs, its sessions' application name, its workers,
 * and what its rate counts ("orders/s" for place_order, "tps" for scripts).
 */
public record WatchedRun(ConnectionProfile profile, String application, int workers, String rateUnit) {

    /** A place_order run. */
    public WatchedRun(ConnectionProfile profile, String application, int workers) {
        this(profile, application, workers, "orders/s");
    }
}
