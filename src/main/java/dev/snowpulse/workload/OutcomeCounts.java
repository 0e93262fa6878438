package dev.snowpulse.workload;

import java.util.Map;
import java.util.TreeMap;

/** How many orders ended each way; other SQL errors also by SQLSTATE. */
public record OutcomeCounts(long ok, long outOfStock, long invalidInput, long connectionLost, long notSent, long otherSqlErrors,
                            Map<String, Long> otherBySqlState) {

    public static final OutcomeCounts NONE = new OutcomeCounts(0, 0, 0, 0, 0, 0, Map.of());

    public OutcomeCounts {
        otherBySqlState = Map.copyOf(new TreeMap<>(otherBySqlState));
    }

    /** Every order that ended, whichever way: for an open-loop run that was not cancelled, the orders due. */
    public long total() {
        return ok + failures();
    }

    /** Every order that did not succeed, not-sent ones included. */
    public long failures() {
        return outOfStock + invalidInput + connectionLost + notSent + otherSqlErrors;
    }

    public long of(Outcome outcome) {
        return switch (outcome) {
            case OK -> ok;
            case OUT_OF_STOCK -> outOfStock;
            case INVALID_INPUT -> invalidInput;
            case CONNECTION_LOST -> connectionLost;
            case NOT_SENT -> notSent;
            case OTHER_SQL_ERROR -> otherSqlErrors;
        };
    }

    /** What changed from {@code before} to this. */
    public OutcomeCounts minus(OutcomeCounts before) {
        Map<String, Long> other = new java.util.HashMap<>(otherBySqlState);
        before.otherBySqlState().forEach((state, n) -> other.merge(state, -n, Long::sum));
        other.values().removeIf(n -> n == 0);
        return new OutcomeCounts(ok - before.ok, outOfStock - before.outOfStock, invalidInput - before.invalidInput,
                connectionLost - before.connectionLost, notSent - before.notSent, otherSqlErrors - before.otherSqlErrors, other);
    }
}
