package dev.snowpulse.server;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * pg_stat_statements over the last minute: keeps the reads of about a minute and gives each statement's delta since
 * the oldest of them (since the first read while less than a minute has passed). Statements that did not run in the
 * window are left out.
 */
public final class StatementWindow {

    public static final Duration MINUTE = Duration.ofMinutes(1);

    private record Read(Instant at, Instant statsReset, Map<Long, StatementStats> byId) {
    }

    private final Duration span;
    private final Deque<Read> reads = new ArrayDeque<>();

    public StatementWindow(Duration span) {
        this.span = span;
    }

    /**
     * Adds a read; the ones older than the window (but the newest of those, the window's base) are dropped. A read
     * after a reset of the statistics ({@code statsReset} moved) starts the window again: the counters before it
     * are not comparable with the ones after.
     */
    public void add(Instant at, Instant statsReset, List<StatementStats> rows) {
        if (!reads.isEmpty() && !java.util.Objects.equals(reads.getLast().statsReset(), statsReset)) {
            reads.clear();
        }
        Map<Long, StatementStats> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.queryId(), r));
        reads.addLast(new Read(at, statsReset, byId));
        while (reads.size() > 2 && !reads.stream().skip(1).findFirst().orElseThrow().at().isAfter(at.minus(span))) {
            reads.removeFirst();
        }
    }

    public void clear() {
        reads.clear();
    }

    /** How long the deltas cover: a minute once a minute of reads is kept. */
    public Duration covered() {
        return reads.size() < 2 ? Duration.ZERO : Duration.between(reads.getFirst().at(), reads.getLast().at());
    }

    /** Each statement's calls, time, rows and blocks within the window, by total time, at most {@code limit}. */
    public List<StatementStats> deltas(int limit) {
        if (reads.size() < 2) {
            return List.of();
        }
        Map<Long, StatementStats> base = reads.getFirst().byId();
        return reads.getLast().byId().values().stream().map(now -> now.since(base.get(now.queryId())))
                .filter(d -> d.calls() > 0)
                .sorted(Comparator.comparingDouble(StatementStats::totalMillis).reversed()).limit(limit).toList();
    }
}
