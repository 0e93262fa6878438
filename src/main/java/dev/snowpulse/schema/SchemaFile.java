package dev.snowpulse.schema;

import java.time.Instant;

/**
 * One file of sql/postgres and its state: versioned files (V1__...) apply once in order, repeatable files
 * (R__...) re-apply whenever their checksum changes.
 */
public record SchemaFile(String script, String version, String description, boolean repeatable, FileState state,
                         Instant appliedAt, Integer executionMillis) {
}
