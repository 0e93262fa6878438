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
        String resource = "sql/local-pipeline/queries/" + name + ".sql";
        String text = TEXTS.computeIfAbsent(resource, PipelineScripts::read);
        return SqlScript.render(text, names.variables(), resource).strip();
    }
}
