package dev.snowpulse.pipeline.local;

/** A schedule interval written the way Snowflake shows one: "30 MINUTES", "2 HOURS", "45 SECONDS". */
final class Schedules {

    private Schedules() {
    }

    static String describe(long seconds) {
        if (seconds > 0 && seconds % 3600 == 0) {
            return seconds / 3600 + " HOURS";
        }
        if (seconds > 0 && seconds % 60 == 0) {
            return seconds / 60 + " MINUTES";
        }
        return seconds + " SECONDS";
    }
}
