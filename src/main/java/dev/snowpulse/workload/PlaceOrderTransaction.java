package dev.snowpulse.workload;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;

/** One call of place_order in autocommit (the function is already one transaction), with ids drawn from the spec's ranges. */
final class PlaceOrderTransaction implements WorkerTransaction {

    static final String SQL = "select place_order(?, ?, ?)";

    private final WorkloadSpec spec;
    private PreparedStatement statement;

    PlaceOrderTransaction(WorkloadSpec spec) {
        this.spec = spec;
    }

    @Override
    public void prepare(Connection session) throws SQLException {
        statement = session.prepareStatement(SQL);
    }

    @Override
    public void run() throws SQLException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        // 1 + nextInt(n), not nextInt(1, n + 1): n may be Integer.MAX_VALUE
        statement.setInt(1, 1 + random.nextInt(spec.maxCustomers()));
        statement.setInt(2, 1 + random.nextInt(spec.maxProducts()));
        statement.setInt(3, spec.minQuantity() + random.nextInt(spec.maxQuantity() - spec.minQuantity() + 1));
        try (ResultSet rs = statement.executeQuery()) {
            rs.next();
        }
    }
}
