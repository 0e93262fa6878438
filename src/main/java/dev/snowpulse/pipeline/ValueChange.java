package dev.snowpulse.pipeline;

/** One column whose value differs between two runs' snapshots. */
public record ValueChange(String column, String before, String after) {
}
