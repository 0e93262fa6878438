package dev.snowpulse.server;

import java.time.Duration;

/**
 * What the database did per second between two reads, from the counters' deltas over the time the server's clock
 * measured between them. A counter that went backwards (a stats reset) gives no rate: null.
 */
public record ServerRates(Duration elapsed, Double commits, Double rollbacks, Double tuplesReturned, Double tuplesFetched,
                          Double tuplesInserted, Double tuplesUpdated, Double tuplesDeleted, Double blocksRead,
                          Double blocksHit) {

    public static ServerRates between(ActivitySnapshot earlier, ActivitySnapshot later) {
        Duration elapsed = Duration.between(earlier.takenAt(), later.takenAt());
        double seconds = elapsed.toNanos() / 1e9;
        DatabaseCounters a = earlier.counters();
        DatabaseCounters b = later.counters();
        return new ServerRates(elapsed, rate(a.commits(), b.commits(), seconds), rate(a.rollbacks(), b.rollbacks(), seconds),
                rate(a.tuplesReturned(), b.tuplesReturned(), seconds), rate(a.tuplesFetched(), b.tuplesFetched(), seconds),
                rate(a.tuplesInserted(), b.tuplesInserted(), seconds), rate(a.tuplesUpdated(), b.tuplesUpdated(), seconds),
                rate(a.tuplesDeleted(), b.tuplesDeleted(), seconds), rate(a.blocksRead(), b.blocksRead(), seconds),
                rate(a.blocksHit(), b.blocksHit(), seconds));
    }

    private static Double rate(long before, long after, double seconds) {
        return seconds <= 0 || after < before ? null : (after - before) / seconds;
    }

    /** Transactions a second, commits and rollbacks. */
    public Double transactions() {
        return commits == null || rollbacks == null ? null : commits + rollbacks;
    }

    /** Share of block requests the buffer cache answered in the interval, 0..1; null when nothing was read. */
    public Double cacheHitRatio() {
        if (blocksRead == null || blocksHit == null || blocksRead + blocksHit == 0) {
            return null;
        }
        return blocksHit / (blocksRead + blocksHit);
    }
}
