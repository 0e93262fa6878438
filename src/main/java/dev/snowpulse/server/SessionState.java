package dev.snowpulse.server;

/** What a session is doing, as the Server tab counts sessions: a lock wait counts apart from other active work. */
public enum SessionState {
    ACTIVE("active"), WAITING_ON_LOCK("waiting on a lock"), IDLE_IN_TRANSACTION("idle in transaction"), IDLE("idle"),
    OTHER("other or not visible");

    private final String label;

    SessionState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * From pg_stat_activity's state and wait event type, and whether pg_locks shows a lock the session waits for
     * (the one sign visible for another role's session without pg_read_all_stats).
     */
    static SessionState of(String state, String waitEventType, boolean waitsForLock) {
        if (waitsForLock || "Lock".equals(waitEventType)) {
            return WAITING_ON_LOCK;
        }
        if (state == null) {
            return OTHER;
        }
        return switch (state) {
            case "active" -> ACTIVE;
            case "idle" -> IDLE;
            case "idle in transaction", "idle in transaction (aborted)" -> IDLE_IN_TRANSACTION;
            default -> OTHER;
        };
    }
}
