package dev.snowpulse.pipeline;

import dev.snowpulse.pipeline.deploy.DeployOptions;
import dev.snowpulse.db.ConnectionService;
import dev.snowpulse.db.PostgresEndpoint;
import dev.snowpulse.pipeline.local.LocalPipelineGateway;
import dev.snowpulse.pipeline.snowflake.SnowflakePipelineGateway;
import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.profile.SnowflakeSettings;

import java.io.IOException;
import java.time.Duration;

/** Opens the gateway a profile calls for: Snowflake for a Snowflake profile, the PostgreSQL version for a Postgres one. */
public final class PipelineGateways {

    private PipelineGateways() {
    }

    /** What a caller may change about the pipeline a profile drives; nulls keep the profile's own choice (or the seed's). */
    public record Overrides(String database, String schedule, String warehouse, boolean serverless, EventCounts taskEvents) {
        public static final Overrides NONE = new Overrides(null, null, null, false, null);

        public Overrides(String database, String schedule, String warehouse, boolean serverless) {
            this(database, schedule, warehouse, serverless, null);
        }
    }

    public static PipelineGateway open(ConnectionService connections, ConnectionProfile profile, Overrides overrides,
                                       Duration timeout) throws IOException {
        if (profile.connection() instanceof SnowflakeSettings sf) {
            DeployOptions options = PipelineSettings.forProfile(sf, overrides.database(), overrides.schedule(),
                    overrides.warehouse(), overrides.serverless()).withTaskEvents(overrides.taskEvents());
            return new SnowflakePipelineGateway(connections.snowflakeDriver(), connections.snowflake(profile, timeout), options);
        }
        refuseOtherDatabase(profile, overrides.database());
        PostgresEndpoint endpoint = connections.postgres(profile);
        return new LocalPipelineGateway(endpoint, PipelineSettings.forLocal(endpoint.settings().database(), overrides.schedule())
                .withTaskEvents(overrides.taskEvents()));
    }

    /** On PostgreSQL the pipeline lives in the profile's own database; another one is a mistake, not a silent no-op. */
    public static void refuseOtherDatabase(ConnectionProfile profile, String database) {
        if (database != null && profile.connection() instanceof dev.snowpulse.profile.PostgresSettings pg
                && !database.equals(pg.database())) {
            throw new IllegalArgumentException("--database: on a Postgres profile the pipeline lives in the profile's own "
                    + "database ('" + pg.database() + "'); to use database '" + database + "', add a profile for it "
                    + "(snowpulse profiles add NAME --database " + database + " ...)");
        }
    }
}
