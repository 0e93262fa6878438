package dev.snowpulse.server;

/** One statement's pg_stat_statements counters: cumulative since the reset, or their delta over an interval. */
public record StatementStats(long queryId, String query, long calls, double totalMillis, long rows, long sharedBlocksHit,
                             long sharedBlocksRead) {

    public double meanMillis() {
        return calls == 0 ? 0 : totalMillis / calls;
    }

    /** What happened between {@code earlier} (null: nothing before) and this. */
    public StatementStats since(StatementStats earlier) {
        if (earlier == null || earlier.calls > calls) {
            return this;
        }
        return new StatementStats(queryId, query, calls - earlier.calls, totalMillis - earlier.totalMillis, rows - earlier.rows,
                sharedBlocksHit - earlier.sharedBlocksHit, sharedBlocksRead - earlier.sharedBlocksRead);
    }
}
