package dev.snowpulse.pipeline.deploy;

/** One column as a CREATE TABLE in the deployment's SQL declares it. */
public record ColumnDefinition(String name, String type, String defaultExpression, boolean notNull, boolean primaryKey) {
}
