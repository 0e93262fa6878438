package dev.snowpulse.pipeline.audit;

/** One column whose value differs between two runs' snapshots. */
public record ValueChange(String column, String before, String after) {
}
