package dev.snowpulse.server;

/** pg_stat_database's cumulative counters for one database, as read at one moment. */
public record DatabaseCounters(long commits, long rollbacks, long tuplesReturned, long tuplesFetched, long tuplesInserted,
                               long tuplesUpdated, long tuplesDeleted, long blocksRead, long blocksHit) {
}
