package dev.snowpulse.pipeline.deploy;

import java.util.ArrayList;
import java.util.List;

/** The statements of a deployment, read from {@code sql/<folder>/} on the class path, in file order. */
public final class PipelineScripts {

    public static final List<String> SNOWFLAKE_FILES = List.of("01_database.sql", "02_reference.sql", "03_raw.sql",
            "04_generator.sql", "05_bronze.sql", "06_gold.sql", "07_tasks.sql", "08_controls.sql");

    public static final List<String> LOCAL_FILES = List.of("01_reference.sql", "02_raw.sql", "03_generator.sql",
            "04_bronze.sql", "05_gold.sql", "06_tasks.sql", "07_controls.sql", "08_runner.sql");

    private PipelineScripts() {
    }

    /** The PostgreSQL version; its root task's schedule must be an interval (cron needs pg_cron, not used here). */
    public static List<SqlStatement> local(DeployOptions options) {
        if (!options.schedule().matches("\\d+ (SECONDS|MINUTES|HOURS)")) {
            throw new IllegalArgumentException("schedule: '" + options.schedule()
                    + "' is not an interval; the pipeline on PostgreSQL takes one like '30 MINUTES'");
        }
        List<SqlStatement> statements = new ArrayList<>();
        for (String file : LOCAL_FILES) {
            String text = SqlScript.render(read("sql/local-pipeline/" + file), options.variables(), file);
            statements.addAll(SqlScript.split(text, "sql/local-pipeline/" + file));
        }
        return statements;
    }

    public static List<SqlStatement> snowflake(DeployOptions options) {
        List<SqlStatement> statements = new ArrayList<>();
        for (String file : SNOWFLAKE_FILES) {
            String text = SqlScript.render(read("sql/snowflake/" + file), options.variables(), file);
            statements.addAll(SqlScript.split(text, "sql/snowflake/" + file));
        }
        return statements;
    }

    static String read(String resource) {
        return dev.snowpulse.app.ClasspathText.read(resource);
    }
}
