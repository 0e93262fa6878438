package dev.snowpulse.kpi;

import dev.snowpulse.db.PostgresEndpoint;
import dev.snowpulse.db.ReadSession;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@link KpiSnapshot} from the KPI functions: the seven calls and the category list go to the server as one
 * statement batch, so a refresh costs one round trip, on one connection kept between refreshes ({@link ReadSession}:
 * a statement timeout, a new connection after a failure). One reader serves one poller at a time.
 */
public final class KpiReader implements AutoCloseable {

    private static final String BATCH = String.join(";\n",
            "select * from fn_summary_kpis(?, ?::text[])",
            "select * from fn_window_totals(?, ?, ?::text[])",
            "select * from fn_sales_by_category(?, ?::text[])",
            "select * from fn_inventory_snapshot(?::text[])",
            "select * from fn_revenue_per_minute(?, ?::text[])",
            "select * from fn_top_customers(?, ?, ?::text[])",
            "select * from fn_recent_orders(?, ?, ?::text[])",
            "select distinct category::text from products order by 1");

    private final ReadSession session;
    private PreparedStatement statement;

    public KpiReader(PostgresEndpoint endpoint, String applicationName) {
        this.session = new ReadSession(endpoint, applicationName, c -> statement = c.prepareStatement(BATCH));
    }

    public KpiSnapshot read(KpiQuery query, Duration statementTimeout) throws SQLException {
        return session.read(statementTimeout, c -> readOnce(c, query));
    }

    private KpiSnapshot readOnce(Connection connection, KpiQuery q) throws SQLException {
        Array categories = q.categories().isEmpty() ? null : connection.createArrayOf("text", q.categoryArray());
        int w = q.windowMinutes();
        Object[] parameters = {w, categories, w, w, categories, w, categories, categories, w, categories,
                w, q.topCustomers(), categories, w, q.recentLimit(), categories};
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] == null) {
                statement.setNull(i + 1, java.sql.Types.ARRAY);
            } else {
                statement.setObject(i + 1, parameters[i]);
            }
        }
        Instant takenAt = Instant.now();
        long start = System.nanoTime();
        statement.execute();
        KpiSummary summary = single(statement.getResultSet(), rs -> new KpiSummary(rs.getLong(1), rs.getBigDecimal(2),
                rs.getLong(3), rs.getBigDecimal(4), rs.getLong(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8)));
        WindowTotals previous = single(next(), rs -> new WindowTotals(rs.getLong(1), rs.getBigDecimal(2), rs.getLong(3), w));
        List<CategorySales> sales = rows(next(), rs -> new CategorySales(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3)));
        List<StockLevel> inventory = rows(next(), rs -> new StockLevel(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4)));
        List<MinuteSales> perMinute = rows(next(), rs -> new MinuteSales(rs.getTimestamp(1).toInstant(), rs.getBigDecimal(2), rs.getLong(3)));
        List<CustomerSpend> top = rows(next(), rs -> new CustomerSpend(rs.getInt(1), rs.getString(2), rs.getBigDecimal(3), rs.getLong(4)));
        List<RecentOrder> recent = rows(next(), rs -> new RecentOrder(rs.getInt(1), rs.getTimestamp("ordered_at").toInstant(), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getBigDecimal(6), rs.getInt(7), rs.getBigDecimal(8)));
        List<String> all = rows(next(), rs -> rs.getString(1));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (categories != null) {
            categories.free();
        }
        return new KpiSnapshot(q, takenAt, start, took, summary, previous, sales, inventory, perMinute, top, recent, all);
    }

    /** The categories in the database, for checking names a person typed. */
    public List<String> categories() throws SQLException {
        return session.read(PostgresEndpoint.DEFAULT_TIMEOUT, c -> {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select distinct category::text from products order by 1")) {
                return rows(rs, r -> r.getString(1));
            }
        });
    }

    /** Names as typed, matched to the database's without regard to case; an unknown one is refused with the list. */
    public static List<String> resolve(List<String> typed, List<String> known) {
        List<String> resolved = new ArrayList<>();
        for (String name : typed) {
            String match = known.stream().filter(k -> k.equalsIgnoreCase(name.strip())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("category: '" + name + "' is not a category here; there are "
                            + String.join(", ", known)));
            resolved.add(match);
        }
        return resolved;
    }

    private ResultSet next() throws SQLException {
        if (!statement.getMoreResults()) {
            throw new SQLException("the KPI batch returned fewer results than it has calls");
        }
        return statement.getResultSet();
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static <T> T single(ResultSet rs, Row<T> row) throws SQLException {
        try (rs) {
            if (!rs.next()) {
                throw new SQLException("a KPI function returned no row");
            }
            return row.read(rs);
        }
    }

    private static <T> List<T> rows(ResultSet rs, Row<T> row) throws SQLException {
        try (rs) {
            List<T> list = new ArrayList<>();
            while (rs.next()) {
                list.add(row.read(rs));
            }
            return list;
        }
    }

    @Override
    public void close() {
        session.close();
        statement = null;
    }
}
