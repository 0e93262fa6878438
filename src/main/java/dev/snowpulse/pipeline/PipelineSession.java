package dev.snowpulse.pipeline;

import dev.snowpulse.db.ConnectionService;
import dev.snowpulse.profile.ConnectionProfile;

import java.io.IOException;
import java.time.Duration;

/**
 * The gateway of the active profile, shared by the Pipeline and Audit tabs. Opened on first use off the FX thread,
 * replaced when the profile changes, and used by one call at a time (a gateway holds one Snowflake session).
 */
public final class PipelineSession implements AutoCloseable {

    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** One gateway call. */
    public interface Call<T> {
        T run(PipelineGateway gateway) throws PipelineException;
    }

    private final ConnectionService connections;
    private ConnectionProfile profile;
    private PipelineGateway gateway;

    public PipelineSession(ConnectionService connections) {
        this.connections = connections;
    }

    /** Runs {@code call} on the gateway for {@code profile}; blocks, so only from background work. */
    public synchronized <T> T call(ConnectionProfile profile, Call<T> call) throws IOException, PipelineException {
        if (gateway == null || !profile.equals(this.profile)) {
            close();
            gateway = PipelineGateways.open(connections, profile, PipelineGateways.Overrides.NONE, TIMEOUT);
            this.profile = profile;
        }
        return call.run(gateway);
    }

    @Override
    public synchronized void close() {
        if (gateway != null) {
            gateway.close();
            gateway = null;
            profile = null;
        }
    }
}
