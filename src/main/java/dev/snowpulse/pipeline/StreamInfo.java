package dev.snowpulse.pipeline;

import java.time.Instant;

/** A stream from SHOW STREAMS plus SYSTEM$STREAM_HAS_DATA. */
public record StreamInfo(String name, String tableName, String mode, boolean stale, Instant staleAfter, boolean hasData) {
}
