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

    static List<String> warnings(Connection session, int maxCustomers, int maxProducts) throws SQLException {
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
        List<String> warnings = new ArrayList<>();
        if (maxCustomers > customers) {
            warnings.add(beyond("customer", maxCustomers, customers, "--max-customers"));
        }
        if (maxProducts > products) {
            warnings.add(beyond("product", maxProducts, products, "--max-products"));
        }
        return warnings;
    }

    private static String beyond(String what, int asked, long highest, String option) {
        if (highest == 0) {
            return "the database has no " + what + "s yet: every order will be refused as invalid input (load the demo data: `snowpulse init`)";
        }
        return String.format(java.util.Locale.ROOT, "%s ids go up to %,d but the run picks 1..%,d: orders for the ids beyond are refused as invalid input (lower %s to %d)",
                what, highest, asked, option, highest);
    }
}
