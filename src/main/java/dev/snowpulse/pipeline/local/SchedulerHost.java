package dev.snowpulse.pipeline.local;

import dev.snowpulse.db.ConnectionService;
import dev.snowpulse.pipeline.PipelineSettings;
import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.profile.PostgresSettings;

import java.time.Duration;
import java.util.logging.Logger;

/**
 * Runs the pipeline's tasks on PostgreSQL while the app runs, for the active profile when it is a Postgres one (the
 * Local demo included). Nothing is due until the pipeline is deployed and started; a Snowflake profile needs none.
 */
public final class SchedulerHost implements AutoCloseable {

    public static final Duration TICK = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(SchedulerHost.class.getName());

    private final ConnectionService connections;
    private LocalScheduler scheduler;
    private ConnectionProfile following;

    public SchedulerHost(ConnectionService connections) {
        this.connections = connections;
    }

    /** Follows the active profile: stops the old scheduler, starts one for a Postgres profile (on a thread of its own). */
    public synchronized void follow(ConnectionProfile profile) {
        following = profile;
        stop();
        if (profile == null || !(profile.connection() instanceof PostgresSettings)) {
            return;
        }
        Thread.ofVirtual().name("start-pipeline-scheduler").start(() -> {
            LocalScheduler started;
            try {
                var endpoint = connections.postgres(profile);
                started = new LocalScheduler(endpoint, PipelineSettings.forLocal(endpoint.settings().database(), null).names());
            } catch (Exception failure) {
                LOG.info("pipeline scheduler not started: " + failure.getMessage());
                return;
            }
            synchronized (this) {
                if (following != profile) {
                    started.close();
                    return;
                }
                scheduler = started;
                scheduler.start(TICK, new RepeatsOnce(LOG::info));
            }
        });
    }

    private void stop() {
        if (scheduler != null) {
            LocalScheduler old = scheduler;
            scheduler = null;
            Thread.ofVirtual().name("stop-pipeline-scheduler").start(old::close);
        }
    }

    @Override
    public synchronized void close() {
        following = null;
        stop();
    }

    /** Passes a line on unless it is the one passed last: a database that stays down is one line, not one a tick. */
    private static final class RepeatsOnce implements java.util.function.Consumer<String> {
        private final java.util.function.Consumer<String> next;
        private String last;

        RepeatsOnce(java.util.function.Consumer<String> next) {
            this.next = next;
        }

        @Override
        public synchronized void accept(String line) {
            if (!line.equals(last)) {
                next.accept(line);
            }
            last = line;
        }
    }
}
