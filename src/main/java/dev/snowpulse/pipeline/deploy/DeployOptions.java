package dev.snowpulse.pipeline.deploy;

import dev.snowpulse.pipeline.SqlIdentifier;
import dev.snowpulse.pipeline.PipelineNames;
import dev.snowpulse.pipeline.EventCounts;
import dev.snowpulse.pipeline.task.RunCost;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a deployment fills into the SQL files: the names, the root task's schedule, the warehouse its tasks run on
 * (none means serverless tasks) and the events each scheduled run generates. The schedule and the counts default to
 * seed 001's, whose root task runs {@code GENERATE_RETAIL_DATA(5, 10, 3, 2)} at :00 and :30.
 */
public record DeployOptions(PipelineNames names, String schedule, String warehouse, EventCounts taskEvents) {

    public static final String DEFAULT_SCHEDULE = "USING CRON 0,30 * * * * UTC";

    private static final Pattern INTERVAL = Pattern.compile("[1-9][0-9]{0,5} (SECONDS|MINUTES|HOURS)");
    private static final Pattern CRON = Pattern.compile("USING CRON( [0-9*/,\\-A-Z]+){5} [A-Za-z_/+\\-0-9]+");

    public DeployOptions {
        names = names == null ? PipelineNames.defaults() : names;
        schedule = schedule == null || schedule.isBlank() ? DEFAULT_SCHEDULE : schedule.strip().replaceAll("\\s+", " ");
        String upper = schedule.toUpperCase(Locale.ROOT);
        if (INTERVAL.matcher(upper).matches()) {
            schedule = upper;
        } else if (upper.startsWith("USING CRON ") && CRON.matcher("USING CRON " + schedule.substring(11)).matches()) {
            schedule = "USING CRON " + schedule.substring(11);
        } else {
            throw new IllegalArgumentException("schedule: '" + schedule
                    + "' is neither an interval like '30 MINUTES' nor 'USING CRON <5 fields> <time zone>'");
        }
        warehouse = warehouse == null || warehouse.isBlank() ? null : SqlIdentifier.require(warehouse, "warehouse");
        taskEvents = taskEvents == null ? EventCounts.seedTask() : taskEvents;
    }

    public DeployOptions(PipelineNames names, String schedule, String warehouse) {
        this(names, schedule, warehouse, null);
    }

    public static DeployOptions defaults() {
        return new DeployOptions(PipelineNames.defaults(), DEFAULT_SCHEDULE, null);
    }

    public DeployOptions withTaskEvents(EventCounts counts) {
        return new DeployOptions(names, schedule, warehouse, counts);
    }

    public boolean serverless() {
        return warehouse == null;
    }

    /** The variables the SQL files use, in the Snowflake CLI's {@code <% name %>} form. */
    public Map<String, String> variables() {
        Map<String, String> values = new LinkedHashMap<>(names.variables());
        values.put("task_schedule", schedule);
        values.put("task_schedule_words", RunCost.words(schedule));
        values.put("task_events", taskEvents.customer() + ", " + taskEvents.purchase() + ", " + taskEvents.marketing() + ", "
                + taskEvents.supplyChain());
        values.put("task_compute", serverless() ? "USER_TASK_MANAGED_INITIAL_WAREHOUSE_SIZE = 'XSMALL'" : "WAREHOUSE = " + warehouse);
        return values;
    }
}
