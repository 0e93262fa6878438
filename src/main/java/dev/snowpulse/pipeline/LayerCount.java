package dev.snowpulse.pipeline;

/** One line of DATA_SUMMARY: how many rows a table of a layer holds. */
public record LayerCount(String layer, String table, long records) {
}
