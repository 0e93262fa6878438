package dev.snowpulse.testing;

import dev.snowpulse.db.PostgresEndpoint;

import java.sql.SQLException;

/**
 * Orders small enough to compute every KPI by hand. Order times are set relative to now,
 * so the windows are deterministic. Prices (seed data): mouse 25.99, keyboard 120.50, yoga mat 20.00,
 * running shoes 89.99, coffee maker 45.00, novel 12.50.
 *
 * <pre>
 *   minutes ago  customer        product (category)      qty  amount   status
 *   2            1 Alice Smith   1 mouse (Electronics)    2    51.98   AUTHORIZED
 *   5            2 Bob Johnson   4 yoga mat (Fitness)     1    20.00   AUTHORIZED
 *   10           1 Alice Smith   2 keyboard (Electronics) 1   120.50   AUTHORIZED
 *   20           2 Bob Johnson   1 mouse (Electronics)    1    25.99   DECLINED  (never counted)
 *   40           3 Charlie Brown 6 shoes (Footwear)       1    89.99   AUTHORIZED
 *   180          2 Bob Johnson   8 coffee maker (Kitchen) 2    90.00   AUTHORIZED
 *   2880         3 Charlie Brown 10 novel (Books)         4    50.00   AUTHORIZED
 * </pre>
 */
public final class KnownDataset {

    private KnownDataset() {
    }

    /** Replaces the orders and payments of an initialised database with the table above (stock: 100 each). */
    public static void load(PostgresEndpoint db) throws SQLException {
        Sql.execute(db, """
                select reset_demo_data(100);
                with data (minutes_ago, customer_id, product_id, quantity, amount, status) as (values
                    (2, 1, 1, 2, 51.98, 'AUTHORIZED'), (5, 2, 4, 1, 20.00, 'AUTHORIZED'), (10, 1, 2, 1, 120.50, 'AUTHORIZED'),
                    (20, 2, 1, 1, 25.99, 'DECLINED'), (40, 3, 6, 1, 89.99, 'AUTHORIZED'), (180, 2, 8, 2, 90.00, 'AUTHORIZED'),
                    (2880, 3, 10, 4, 50.00, 'AUTHORIZED')),
                inserted as (
                    insert into orders (order_date, ordered_at, customer_id, product_id, quantity)
                    select (now() - make_interval(mins => minutes_ago))::date, now() - make_interval(mins => minutes_ago),
                           customer_id, product_id, quantity from data
                    order by minutes_ago desc
                    returning order_id, ordered_at, quantity, product_id, customer_id)
                insert into payments (order_id, amount, status, created_at, customer_id, product_id, quantity)
                select i.order_id, d.amount, d.status, i.ordered_at, i.customer_id, i.product_id, i.quantity
                  from inserted i join data d on now() - make_interval(mins => d.minutes_ago) = i.ordered_at;
                select kpi_rebuild_totals();
                """);
    }
}
