package dev.snowpulse.server.pooler;

import java.util.List;
import java.util.Map;

/**
 * What PgBouncer's SHOW POOLS says of one database's pools, summed over their users: clients linked to a server
 * connection and clients waiting for one, server connections busy and idle (and the rest: used, tested, logging in),
 * the longest wait, the pool mode, and the pool's size from SHOW DATABASES (0 when it does not say).
 */
public record PoolCounts(int clientsActive, int clientsWaiting, int serversActive, int serversIdle, int serversOther,
                         double longestWaitSeconds, String poolMode, int poolSize, int pools) {

    public int clients() {
        return clientsActive + clientsWaiting;
    }

    public int servers() {
        return serversActive + serversIdle + serversOther;
    }

    /** The pools of {@code database} among SHOW POOLS's rows, with its pool size from SHOW DATABASES's. */
    public static PoolCounts of(String database, List<Map<String, String>> pools, List<Map<String, String>> databases) {
        int clientsActive = 0;
        int clientsWaiting = 0;
        int serversActive = 0;
        int serversIdle = 0;
        int serversOther = 0;
        double longestWait = 0;
        String mode = "";
        int matched = 0;
        for (Map<String, String> pool : pools) {
            if (!database.equals(pool.get("database"))) {
                continue;
            }
            matched++;
            clientsActive += number(pool, "cl_active");
            clientsWaiting += number(pool, "cl_waiting");
            serversActive += number(pool, "sv_active");
            serversIdle += number(pool, "sv_idle");
            serversOther += number(pool, "sv_used") + number(pool, "sv_tested") + number(pool, "sv_login");
            longestWait = Math.max(longestWait, number(pool, "maxwait") + number(pool, "maxwait_us") / 1e6);
            String poolMode = pool.get("pool_mode");
            mode = poolMode == null ? mode : poolMode;
        }
        int size = databases.stream().filter(d -> database.equals(d.get("name"))).mapToInt(d -> number(d, "pool_size")).max().orElse(0);
        return new PoolCounts(clientsActive, clientsWaiting, serversActive, serversIdle, serversOther, longestWait, mode, size, matched);
    }

    private static int number(Map<String, String> row, String column) {
        String value = row.get(column);
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
