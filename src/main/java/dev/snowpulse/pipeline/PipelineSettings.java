package dev.snowpulse.pipeline;

import dev.snowpulse.pipeline.deploy.DeployOptions;
import dev.snowpulse.profile.SnowflakeSettings;

/**
 * Which pipeline a profile drives: its database (the profile's own, else seed 001's) and the deploy options.
 * Tasks run on the profile's warehouse when it names one, else serverless.
 */
public final class PipelineSettings {

    private PipelineSettings() {
    }

    public static DeployOptions forProfile(SnowflakeSettings settings, String database, String schedule, String warehouse,
                                           boolean serverless) {
        String db = database != null ? database : settings.database() != null && !settings.database().equalsIgnoreCase("SNOWFLAKE")
                ? settings.database() : PipelineNames.DEFAULT_DATABASE;
        String wh = serverless ? null : warehouse != null ? warehouse : settings.warehouse();
        return new DeployOptions(PipelineNames.inDatabase(db), schedule, wh);
    }

    /** The pipeline on a PostgreSQL database: its own schemas there, tasks every 30 minutes by SnowPulse's scheduler. */
    public static DeployOptions forLocal(String database, String schedule) {
        String name = database != null && database.matches("[A-Za-z_][A-Za-z0-9_$]{0,254}") ? database : "POSTGRES";
        return new DeployOptions(new PipelineNames(name, "S1_RAW_DATA", "S2_BRONZE", "S3_GOLD", "REFERENCE_DATA", "RETAIL_PIPELINE"),
                schedule == null ? LOCAL_SCHEDULE : schedule, null);
    }

    public static final String LOCAL_SCHEDULE = "30 MINUTES";

    public static DeployOptions forProfile(SnowflakeSettings settings) {
        return forProfile(settings, null, null, null, false);
    }
}
