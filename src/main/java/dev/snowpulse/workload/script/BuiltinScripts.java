package dev.snowpulse.workload.script;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scripts a run can name instead of a file: pgbench 15's three built-ins, as its documentation prints them,
 * and the demo's place_order with the seed project's customer, product and quantity ranges.
 */
public final class BuiltinScripts {

    private BuiltinScripts() {
    }

    public static final String PLACE_ORDER = "place-order";

    private static final Map<String, String> TEXTS = new LinkedHashMap<>();

    static {
        TEXTS.put("tpcb-like", """
                \\set aid random(1, 100000 * :scale)
                \\set bid random(1, 1 * :scale)
                \\set tid random(1, 10 * :scale)
                \\set delta random(-5000, 5000)
                BEGIN;
                UPDATE pgbench_accounts SET abalance = abalance + :delta WHERE aid = :aid;
                SELECT abalance FROM pgbench_accounts WHERE aid = :aid;
                UPDATE pgbench_tellers SET tbalance = tbalance + :delta WHERE tid = :tid;
                UPDATE pgbench_branches SET bbalance = bbalance + :delta WHERE bid = :bid;
                INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (:tid, :bid, :aid, :delta, CURRENT_TIMESTAMP);
                END;
                """);
        TEXTS.put("simple-update", """
                \\set aid random(1, 100000 * :scale)
                \\set bid random(1, 1 * :scale)
                \\set tid random(1, 10 * :scale)
                \\set delta random(-5000, 5000)
                BEGIN;
                UPDATE pgbench_accounts SET abalance = abalance + :delta WHERE aid = :aid;
                SELECT abalance FROM pgbench_accounts WHERE aid = :aid;
                INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (:tid, :bid, :aid, :delta, CURRENT_TIMESTAMP);
                END;
                """);
        TEXTS.put("select-only", """
                \\set aid random(1, 100000 * :scale)
                SELECT abalance FROM pgbench_accounts WHERE aid = :aid;
                """);
        TEXTS.put(PLACE_ORDER, """
                \\set customer random(1, :max_customers)
                \\set product random(1, :max_products)
                \\set quantity random(:min_quantity, :max_quantity)
                SELECT place_order(:customer, :product, :quantity);
                """);
    }

    /** Name to text, in pgbench's order (its --builtin=list) with place-order last. */
    public static Map<String, String> texts() {
        return java.util.Collections.unmodifiableMap(TEXTS);
    }

    /** pgbench accepts any unambiguous prefix of a built-in's name ("tpcb", "select"). */
    public static String resolve(String name) {
        if (TEXTS.containsKey(name)) {
            return name;
        }
        var matches = TEXTS.keySet().stream().filter(k -> k.startsWith(name)).toList();
        if (matches.size() == 1) {
            return matches.getFirst();
        }
        throw new IllegalArgumentException(matches.isEmpty()
                ? "no built-in script '" + name + "': " + String.join(", ", TEXTS.keySet())
                : "ambiguous built-in script name '" + name + "': " + String.join(", ", matches));
    }

    /** Whether its tables are pgbench's: the run reads :scale from pgbench_branches, as pgbench does. */
    public static boolean usesPgbenchTables(String name) {
        return !name.equals(PLACE_ORDER);
    }

    public static String text(String name) {
        return TEXTS.get(resolve(name));
    }
}
