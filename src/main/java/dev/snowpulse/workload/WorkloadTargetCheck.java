package dev.snowpulse.workload;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Before a run's clock starts: is the schema there to take orders, and do the ids the run will pick exist? A missing
 * schema refuses the run with the command that builds it; ids beyond the database's are a warning, since ordering
 * for an unknown customer is a legitimate test of place_order's refusals.
 */
final class WorkloadTargetCheck {

    static final String NO_SCHEMA = "the database has no SnowPulse schema to take orders (%s): run `snowpulse init` "
            + "(or Initialise on the Schema tab) on this profile first";

    private WorkloadTargetCheck() {
    }

    /**
     * @param plannedUnits the most units a count-bounded run can order (orders × max quantity), or -1 for a timed run
     */
    static List<RunWarning> warnings(Connection session, int maxCustomers, int maxProducts, long plannedUnits) throws SQLException {
        long customers;
        long products;
        try (Statement s = session.createStatement();
             ResultSet rs = s.executeQuery("select to_regprocedure('place_order(integer,integer,integer)') is not null, "
                     + "(select coalesce(max(customer_id), 0) from customers), (select coalesce(max(product_id), 0) from products)")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                throw new WorkloadRefused(NO_SCHEMA.formatted("no function place_order(integer, integer, integer)"));
            }
            customers = rs.getLong(2);
            products = rs.getLong(3);
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState()) || "42883".equals(e.getSQLState())) {
                throw new WorkloadRefused(NO_SCHEMA.formatted(e.getMessage().lines().findFirst().orElse("").replaceFirst("^ERROR: ", "")));
            }
            throw e;
        }
        List<RunWarning> warnings = new ArrayList<>();
        stockWarning(session, maxProducts, plannedUnits).ifPresent(warnings::add);
        if (maxCustomers > customers) {
            warnings.add(beyond("customer", maxCustomers, customers, RunWarning.Kind.NO_CUSTOMERS, RunWarning.Kind.CUSTOMERS_BEYOND));
        }
        if (maxProducts > products) {
            warnings.add(beyond("product", maxProducts, products, RunWarning.Kind.NO_PRODUCTS, RunWarning.Kind.PRODUCTS_BEYOND));
        }
        return warnings;
    }

    /** Stock too thin for the run: its orders would end out of stock, a result that says nothing about the database. */
    private static java.util.Optional<RunWarning> stockWarning(Connection session, int maxProducts, long plannedUnits) throws SQLException {
        long units;
        try (java.sql.PreparedStatement s = session.prepareStatement(
                "select coalesce(sum(stock - reserved), 0) from inventory where product_id between 1 and ?")) {
            s.setInt(1, maxProducts);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                units = rs.getLong(1);
            }
        }
        boolean thin = plannedUnits >= 0 ? units < plannedUnits : units < TIMED_RUN_UNITS;
        if (!thin) {
            return java.util.Optional.empty();
        }
        String need = plannedUnits >= 0 ? String.format(java.util.Locale.ROOT, "this run may order up to %,d", plannedUnits)
                : "a timed run at a few thousand orders/s sells that in seconds";
        return java.util.Optional.of(new RunWarning(RunWarning.Kind.THIN_STOCK, String.format(java.util.Locale.ROOT,
                "the products it picks hold %,d units in stock and %s: the rest would end out of stock", units, need), units));
    }

    /** Below this many units a timed run is warned about: ten seconds at 10,000 single-unit orders a second. */
    static final long TIMED_RUN_UNITS = 100_000;

    private static RunWarning beyond(String what, int asked, long highest, RunWarning.Kind none, RunWarning.Kind beyond) {
        if (highest == 0) {
            return new RunWarning(none, "the database has no " + what + "s yet: every order will be refused as invalid input", 0);
        }
        return new RunWarning(beyond, String.format(java.util.Locale.ROOT,
                "%s ids go up to %,d but the run picks 1..%,d: orders for the ids beyond are refused as invalid input",
                what, highest, asked), highest);
    }
}
