package dev.snowpulse.pipeline.deploy;

import dev.snowpulse.pipeline.PipelineNames;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The queries a gateway runs, each a file of {@code sql/<folder>/queries/} read by name through the script loader and
 * rendered with the pipeline's schema names: SQL lives in sql/, where it can be read and tested as SQL.
 */
public final class PipelineQueries {

    private static final Map<String, String> TEXTS = new ConcurrentHashMap<>();

    private PipelineQueries() {
    }

    /** The query {@code name} of the pipeline on PostgreSQL, for the schemas of {@code names}. */
    public static String local(String name, PipelineNames names) {
        return rendered("sql/local-pipeline/queries/" + name + ".sql", names.variables());
    }

    /** The query {@code name} of the pipeline on Snowflake, for the schemas of {@code names}. */
    public static String snowflake(String name, PipelineNames names) {
        return snowflake(name, names, Map.of());
    }

    /** As {@link #snowflake(String, PipelineNames)}, with values of its own beside the schema names. */
    public static String snowflake(String name, PipelineNames names, Map<String, String> values) {
        Map<String, String> variables = new java.util.LinkedHashMap<>(names.variables());
        variables.putAll(values);
        return rendered("sql/snowflake-pipeline/queries/" + name + ".sql", variables);
    }

    private static String rendered(String resource, Map<String, String> variables) {
        String text = TEXTS.computeIfAbsent(resource, PipelineScripts::read);
        return SqlScript.render(withoutComments(text), variables, resource).strip();
    }

    /** Whole-line comments go: the statement is sent, and logged, as one statement. */
    private static String withoutComments(String text) {
        return text.lines().filter(line -> !line.stripLeading().startsWith("--")).collect(java.util.stream.Collectors.joining("\n"));
    }
}
