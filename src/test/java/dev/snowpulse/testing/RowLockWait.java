package dev.snowpulse.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** One session holding a product's inventory row in an open transaction, and another's update queued behind it. */
public final class RowLockWait {

    private RowLockWait() {
    }

    /**
     * Locks the row on {@code holder} (left in its transaction) and runs {@code waiterUpdate} on {@code waiter} in the
     * background; the future ends when the waiter's update does, after the holder ends or the wait is cancelled.
     */
    public static CompletableFuture<Void> on(Connection holder, Connection waiter, int productId, String waiterUpdate) throws SQLException {
        holder.setAutoCommit(false);
        Sql.execute(holder, "update inventory set stock = stock where product_id = " + productId);
        return CompletableFuture.runAsync(() -> {
            try {
                Sql.execute(waiter, waiterUpdate);
            } catch (SQLException e) {
                throw new CompletionException(e);
            }
        });
    }
}
