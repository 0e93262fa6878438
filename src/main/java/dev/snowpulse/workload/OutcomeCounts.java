package dev.snowpulse.workload;

import java.util.Map;
import java.util.TreeMap;

/** How many orders ended each way; other SQL errors also by SQLSTATE. */
public record OutcomeCounts(long ok, long outOfStock, long invalidInput, long connectionLost, long otherSqlErrors,
                            Map<String, Long> otherBySqlState) {

    public OutcomeCounts {
        otherBySqlState = Map.copyOf(new TreeMap<>(otherBySqlState));
    }

    public long attempted() {
        return ok + failures();
    }

    public long failures() {
        return outOfStock + invalidInput + connectionLost + otherSqlErrors;
    }

    public long of(Outcome outcome) {
        return switch (outcome) {
            case OK -> ok;
            case OUT_OF_STOCK -> outOfStock;
            case INVALID_INPUT -> invalidInput;
            case CONNECTION_LOST -> connectionLost;
            case OTHER_SQL_ERROR -> otherSqlErrors;
        };
    }
}
