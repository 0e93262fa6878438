package dev.snowpulse.pipeline;


/** Where the retail pipeline lives: a database and five schemas, with seed 001's names as defaults. */
public record PipelineNames(String database, String rawSchema, String bronzeSchema, String goldSchema,
                            String referenceSchema, String controlSchema) {

    public static final String DEFAULT_DATABASE = "RETAIL_STREAMING_DEMO";

    public PipelineNames {
        database = SqlIdentifier.require(database, "database");
        rawSchema = SqlIdentifier.require(rawSchema, "raw schema");
        bronzeSchema = SqlIdentifier.require(bronzeSchema, "bronze schema");
        goldSchema = SqlIdentifier.require(goldSchema, "gold schema");
        referenceSchema = SqlIdentifier.require(referenceSchema, "reference schema");
        controlSchema = SqlIdentifier.require(controlSchema, "control schema");
    }

    public static PipelineNames defaults() {
        return inDatabase(DEFAULT_DATABASE);
    }

    public static PipelineNames inDatabase(String database) {
        return new PipelineNames(database, "S1_RAW_DATA", "S2_BRONZE", "S3_GOLD", "REFERENCE_DATA", "PUBLIC");
    }

    /** database.schema, where the tasks and the control procedures live. */
    public String controlPath() {
        return database + "." + controlSchema;
    }

    public String reference(String table) {
        return database + "." + referenceSchema + "." + table;
    }

    public String control(String object) {
        return controlPath() + "." + object;
    }

    /** The schema names as the SQL files' {@code <% name %>} variables. */
    public java.util.Map<String, String> variables() {
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("database", database);
        values.put("raw_schema", rawSchema);
        values.put("bronze_schema", bronzeSchema);
        values.put("gold_schema", goldSchema);
        values.put("reference_schema", referenceSchema);
        values.put("control_schema", controlSchema);
        return values;
    }
}
