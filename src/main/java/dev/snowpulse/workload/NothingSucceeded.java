package dev.snowpulse.workload;

import java.util.Comparator;
import java.util.Map;

/** Why a run or an ingest that placed no order got nowhere, and what to do about it, from how its orders ended. */
public final class NothingSucceeded {

    private NothingSucceeded() {
    }

    /** What SQLSTATE 42P05 or 26000 on place_order means: a transaction-mode pooler the profile does not know of. */
    public static final String POOLER_HINT = "prepared statements collided on shared server connections (SQLSTATE 42P05/26000): "
            + "the profile goes through a transaction-mode pooler; tick \"Through a transaction-mode pooler\" on the Connections "
            + "tab (CLI: profiles add --pooler transaction)";

    /** The pooler hint when a run's failures show it, for any run, whether or not some orders succeeded. */
    public static java.util.Optional<String> poolerHint(OutcomeCounts counts) {
        return counts.otherBySqlState().containsKey("42P05") || counts.otherBySqlState().containsKey("26000")
                ? java.util.Optional.of(POOLER_HINT) : java.util.Optional.empty();
    }

    public static String reason(OutcomeCounts counts) {
        Outcome most = java.util.Arrays.stream(Outcome.values()).filter(o -> o != Outcome.OK)
                .max(Comparator.comparingLong(counts::of)).orElseThrow();
        return switch (most) {
            case OUT_OF_STOCK -> "every product ordered was out of stock: restock with `snowpulse init --reset-data --stock N` "
                    + "(or Reset demo data on the Schema tab, with the units per product to restock)";
            case INVALID_INPUT -> "place_order refused every order's customer, product or quantity: check --max-customers and "
                    + "--max-products against the ids the database has";
            case CONNECTION_LOST, NOT_SENT -> "the database could not be reached or dropped every session: check that the server is up "
                    + "(`snowpulse profiles test`)";
            case OTHER_SQL_ERROR -> otherErrors(counts.otherBySqlState());
            case OK -> throw new IllegalStateException("ok is not a failure");
        };
    }

    private static String otherErrors(Map<String, Long> bySqlState) {
        String state = bySqlState.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("?????");
        if (state.equals("42P01") || state.equals("42883")) {
            return "the database has no SnowPulse schema (SQLSTATE " + state + "): run `snowpulse init` on this profile first";
        }
        if (state.equals("42P05") || state.equals("26000")) {
            return POOLER_HINT;
        }
        if (state.equals("42501")) {
            return "the user may not run place_order (SQLSTATE 42501): grant it EXECUTE, or use the schema's owner";
        }
        return "every order failed with an SQL error, most often SQLSTATE " + state;
    }
}
