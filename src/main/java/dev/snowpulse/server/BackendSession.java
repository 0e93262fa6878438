package dev.snowpulse.server;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One client session of the database, as pg_stat_activity shows it to the reading role: {@code query} is null where
 * the role may not see it (another role's session, without pg_read_all_stats). {@code blockedBy} holds the pids
 * this session waits for, and {@code lockMode} / {@code lockRelation} the lock it waits on, when it waits on one: these
 * come from pg_locks, so they are known for another role's session too, whose wait event pg_stat_activity hides.
 */
public record BackendSession(int pid, String application, String user, String client, String rawState,
                             String waitEventType, String waitEvent, Instant backendStart, Instant transactionStart,
                             Instant queryStart, Instant stateChange, String query, List<Integer> blockedBy,
                             String lockMode, String lockType, String lockRelation, boolean own) {

    public BackendSession {
        blockedBy = blockedBy == null ? List.of() : List.copyOf(blockedBy);
    }

    public SessionState state() {
        return SessionState.of(rawState, waitEventType, lockMode != null);
    }

    /** How long the current query has run (active) or the session has been in its state (idle), at {@code now}. */
    public Duration duration(Instant now) {
        Instant since = state() == SessionState.ACTIVE || state() == SessionState.WAITING_ON_LOCK ? queryStart : stateChange;
        return since == null || since.isAfter(now) ? Duration.ZERO : Duration.between(since, now);
    }

    /** The query's first line, for a table cell. */
    public String firstLine() {
        if (query == null) {
            return "";
        }
        String text = query.strip();
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end).strip() + " …";
    }

    /** "Lock: transactionid" or "IO: DataFileRead"; empty when it waits on nothing (or on nothing this role sees). */
    public String waitText() {
        if (waitEventType == null) {
            return lockType == null ? "" : "Lock: " + lockType;
        }
        return waitEventType + ": " + waitEvent;
    }
}
