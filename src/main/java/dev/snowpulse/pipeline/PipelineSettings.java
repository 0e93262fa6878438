package dev.snowpulse.pipeline;

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

    public static DeployOptions forProfile(SnowflakeSettings settings) {
        return forProfile(settings, null, null, null, false);
    }
}
