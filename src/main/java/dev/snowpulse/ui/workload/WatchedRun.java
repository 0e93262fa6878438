package dev.snowpulse.ui.workload;

import dev.snowpulse.profile.ConnectionProfile;

/** A workload run the Workload tab's server strip follows: where it runs, its sessions' application name, its workers. */
public record WatchedRun(ConnectionProfile profile, String application, int workers) {
}
