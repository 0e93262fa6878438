package dev.snowpulse.server;

import dev.snowpulse.server.pooler.PoolCounts;
import dev.snowpulse.server.pooler.PoolerView;

import dev.snowpulse.format.ReportTable;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What `snowpulse top` and `snowpulse statements` print, as report tables (table, CSV or JSON). */
public final class ServerReports {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private ServerReports() {
    }

    /** The server's figures (rates empty on the first read) and every session, longest-running first. */
    public static List<ReportTable> top(ActivitySnapshot now, ServerRates rates) {
        Map<SessionState, Integer> states = now.sessionsByState();
        List<String> summary = List.of(TIME.format(now.takenAt()), rate(rates == null ? null : rates.commits()),
                rate(rates == null ? null : rates.rollbacks()), Integer.toString(states.get(SessionState.ACTIVE)),
                Integer.toString(states.get(SessionState.WAITING_ON_LOCK)), Integer.toString(states.get(SessionState.IDLE_IN_TRANSACTION)),
                Integer.toString(states.get(SessionState.IDLE)), Long.toString(now.serverSessions()), Integer.toString(now.maxConnections()),
                rates == null || rates.cacheHitRatio() == null ? "" : String.format(Locale.ROOT, "%.4f", rates.cacheHitRatio()),
                String.join("; ", now.topWaits(3).stream().map(w -> w.getKey() + " x" + w.getValue()).toList()));
        ReportTable server = new ReportTable("Server", List.of("time", "commits_per_s", "rollbacks_per_s", "active", "waiting_on_lock",
                "idle_in_transaction", "idle", "server_connections", "max_connections", "cache_hit_ratio", "top_waits"), List.of(summary));
        List<List<String>> rows = new ArrayList<>();
        now.sessions().stream().sorted(java.util.Comparator.comparing((BackendSession s) -> s.duration(now.takenAt())).reversed())
                .forEach(s -> rows.add(List.of(Integer.toString(s.pid()), orEmpty(s.application()), orEmpty(s.user()),
                        s.state().label(), s.waitText(), s.blockedBy().stream().map(String::valueOf).reduce((a, b) -> a + " " + b).orElse(""),
                        Long.toString(s.duration(now.takenAt()).toMillis()), s.query() == null ? "(not visible)" : s.firstLine())));
        ReportTable sessions = new ReportTable("Sessions", List.of("pid", "application", "user", "state", "wait", "blocked_by",
                "duration_ms", "query"), rows);
        return now.pooler().pooled() ? List.of(server, sessions, pooler(now.pooler())) : List.of(server, sessions);
    }

    /** Through a pooler: its own counts where its console could be read (empty cells otherwise), and why not. */
    public static ReportTable pooler(PoolerView view) {
        PoolCounts c = view.counts();
        List<String> row = c == null
                ? List.of(view.mode().label(), "", "", "", "", "", "", "", view.unavailable())
                : List.of(c.poolMode().isEmpty() ? view.mode().label() : c.poolMode(), Integer.toString(c.clientsActive()),
                        Integer.toString(c.clientsWaiting()), Integer.toString(c.serversActive()), Integer.toString(c.serversIdle()),
                        Integer.toString(c.servers()), c.poolSize() > 0 ? Integer.toString(c.poolSize()) : "",
                        String.format(Locale.ROOT, "%.3f", c.longestWaitSeconds()), "");
        return new ReportTable("Pooler", List.of("pool_mode", "clients_active", "clients_waiting", "servers_active", "servers_idle",
                "server_connections", "pool_size", "longest_wait_s", "unavailable"), List.of(row));
    }

    /** pg_stat_statements' rows, by total time. */
    public static ReportTable statements(String title, List<StatementStats> rows) {
        List<List<String>> cells = new ArrayList<>();
        for (StatementStats s : rows) {
            cells.add(List.of(Long.toString(s.calls()), String.format(Locale.ROOT, "%.3f", s.totalMillis()),
                    String.format(Locale.ROOT, "%.3f", s.meanMillis()), Long.toString(s.rows()), Long.toString(s.sharedBlocksHit()),
                    Long.toString(s.sharedBlocksRead()), s.query().replaceAll("\\s+", " ").strip()));
        }
        return new ReportTable(title, List.of("calls", "total_ms", "mean_ms", "rows", "shared_blks_hit", "shared_blks_read", "query"), cells);
    }

    private static String rate(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
