package dev.snowpulse.server;

import dev.snowpulse.server.pooler.PoolerView;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One read of what the database is doing: its counters at the server's clock, its client sessions (the reader's own
 * left out), and its statements where pg_stat_statements can be read. {@code role} is the reading role;
 * {@code seesAllQueries} says whether it may read every session's query text; {@code pooler}, what the pooler in
 * front of the database (if any) says of its clients and server connections.
 */
public record ActivitySnapshot(Instant takenAt, Duration readTime, DatabaseCounters counters, List<BackendSession> sessions,
                               Statements statements, String role, boolean seesAllQueries, long serverSessions,
                               int maxConnections, PoolerView pooler) {

    public ActivitySnapshot {
        sessions = List.copyOf(sessions);
        pooler = pooler == null ? PoolerView.none() : pooler;
    }

    /** The same read with what the pooler in front of the database says of itself. */
    public ActivitySnapshot withPooler(PoolerView view) {
        return new ActivitySnapshot(takenAt, readTime, counters, sessions, statements, role, seesAllQueries, serverSessions,
                maxConnections, view);
    }

    /** Sessions per state, every state present (zero when none). */
    public Map<SessionState, Integer> sessionsByState() {
        Map<SessionState, Integer> counts = new EnumMap<>(SessionState.class);
        for (SessionState state : SessionState.values()) {
            counts.put(state, 0);
        }
        sessions.forEach(s -> counts.merge(s.state(), 1, Integer::sum));
        return counts;
    }

    /** The sessions whose application name is {@code application} (ignoring case); all of them when blank. */
    public List<BackendSession> ofApplication(String application) {
        if (application == null || application.isBlank()) {
            return sessions;
        }
        return sessions.stream().filter(s -> s.application() != null && s.application().equalsIgnoreCase(application.strip())).toList();
    }

    /** Wait events of active sessions, most frequent first, as "IO: DataFileRead" with their count. */
    public List<Map.Entry<String, Long>> topWaits(int limit) {
        return topWaits(sessions, limit);
    }

    /** The same for some of the sessions (a run's). */
    public static List<Map.Entry<String, Long>> topWaits(List<BackendSession> of, int limit) {
        // what working sessions wait on: an idle one (in a transaction or not) waits for its client by definition
        return of.stream().filter(s -> !s.waitText().isEmpty()
                        && (s.state() == SessionState.ACTIVE || s.state() == SessionState.WAITING_ON_LOCK))
                .collect(java.util.stream.Collectors.groupingBy(BackendSession::waitText, java.util.stream.Collectors.counting()))
                .entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).toList();
    }

    /** Said when some sessions' queries are hidden from the reading role; empty when none is. */
    public String hiddenQueriesNote() {
        long hidden = sessions.stream().filter(s -> s.query() == null).count();
        if (hidden == 0 || seesAllQueries) {
            return "";
        }
        return hidden + " of " + sessions.size() + " sessions belong to other roles: their queries, states and wait events are "
                + "hidden from " + role + " (their lock waits still show). GRANT pg_read_all_stats TO " + role + " shows them (run by a superuser or a role with ADMIN OPTION on pg_read_all_stats)";
    }

    /** pg_stat_statements as this role could read it: its rows, or why there are none. */
    public record Statements(List<StatementStats> rows, Instant statsReset, String unavailable) {

        public Statements {
            rows = List.copyOf(rows);
        }

        public static Statements missing(String why) {
            return new Statements(List.of(), null, why);
        }

        public boolean available() {
            return unavailable == null;
        }
    }
}
