package dev.snowpulse.testing;

import dev.snowpulse.db.PostgresEndpoint;

import java.sql.SQLException;

/**
 * A database shaped as seed 000's own {@code init_db} leaves it (curious-bigcat/snowflake_postgres,
 * sql/01_schema.sql .. 04_kpi_functions.sql), rebuilt here in the tests' own words: the same tables, column types,
 * defaults, constraint and index names, the same place_order and six KPI function signatures and result types, and
 * the same semantics (the seed's KPI functions join orders and price at today's product price; its place_order
 * neither checks the quantity nor the customer).
 */
public final class SeedOltpDatabase {

    private SeedOltpDatabase() {
    }

    /** The four files of the seed's init_db, applied {@code runs} times as its users do (its data has no guard). */
    public static void initDb(PostgresEndpoint db, int runs) throws SQLException {
        for (int run = 0; run < runs; run++) {
            Sql.execute(db, SCHEMA + DATA + PLACE_ORDER + KPI_FUNCTIONS);
        }
    }

    /** Only the tables and the data: a user who never ran the seed's function files. */
    public static void tablesOnly(PostgresEndpoint db) throws SQLException {
        Sql.execute(db, SCHEMA + DATA);
    }

    static final String SCHEMA = """
            create table if not exists customers (
                customer_id serial primary key,
                first_name varchar(50), last_name varchar(50), email varchar(100), city varchar(50));
            create table if not exists products (
                product_id serial primary key,
                product_name varchar(100), category varchar(50), price decimal(10, 2));
            create table if not exists orders (
                order_id serial primary key,
                order_date date default current_date,
                customer_id int, product_id int, quantity int,
                constraint fk_order_customer foreign key (customer_id) references customers (customer_id),
                constraint fk_order_product foreign key (product_id) references products (product_id));
            create table if not exists inventory (
                product_id int primary key references products (product_id),
                stock int not null,
                reserved int not null default 0);
            create table if not exists payments (
                payment_id serial primary key,
                order_id int not null references orders (order_id),
                amount decimal(10, 2) not null,
                status varchar(20) not null,
                created_at timestamptz default current_timestamp);
            create index if not exists idx_orders_customer_id on orders (customer_id);
            create index if not exists idx_orders_order_date on orders (order_date);
            create index if not exists idx_payments_order_id on payments (order_id);
            """;

    // ten customers, ten products in six categories, 100 units each (only the stock is guarded against a rerun)
    static final String DATA = """
            insert into customers (first_name, last_name, email, city)
            select split_part(v, ',', 1), split_part(v, ',', 2), split_part(v, ',', 3), split_part(v, ',', 4)
              from unnest(array[
                'Alice,Smith,alice@example.com,New York', 'Bob,Johnson,bob@test.com,Los Angeles',
                'Charlie,Brown,charlie@sample.net,Chicago', 'Diana,Prince,diana@themyscira.com,Houston',
                'Evan,Wright,evan@write.com,Phoenix', 'Fiona,Gallagher,fiona@shameless.com,Chicago',
                'George,Martin,grrm@books.com,Santa Fe', 'Hannah,Montana,hannah@music.com,Los Angeles',
                'Ian,Malcolm,ian@chaos.com,Austin', 'Julia,Roberts,julia@movie.com,New York']) with ordinality as t (v, n)
             order by n;
            insert into products (product_name, category, price)
            select split_part(v, '|', 1), split_part(v, '|', 2), split_part(v, '|', 3)::numeric
              from unnest(array[
                'Wireless Mouse|Electronics|25.99', 'Mechanical Keyboard|Electronics|120.50',
                'Gaming Monitor|Electronics|300.00', 'Yoga Mat|Fitness|20.00', 'Dumbbell Set|Fitness|55.00',
                'Running Shoes|Footwear|89.99', 'Leather Jacket|Apparel|150.00', 'Coffee Maker|Kitchen|45.00',
                'Blender|Kitchen|30.00', 'Novel: The Great Gatsby|Books|12.50']) with ordinality as t (v, n)
             order by n;
            insert into inventory (product_id, stock) select product_id, 100 from products
            on conflict (product_id) do nothing;
            """;

    static final String PLACE_ORDER = """
            create or replace function place_order(p_customer_id int, p_product_id int, p_quantity int)
            returns int language plpgsql as $body$
            declare
                have int;
                unit_price decimal(10, 2);
                new_order int;
            begin
                select stock into have from inventory where product_id = p_product_id for update;
                if not found then
                    raise exception 'Product % not found', p_product_id;
                end if;
                if have < p_quantity then
                    raise exception 'Insufficient stock. Requested %, available %', p_quantity, have;
                end if;
                select price into unit_price from products where product_id = p_product_id;
                insert into orders (order_date, customer_id, product_id, quantity)
                     values (current_date, p_customer_id, p_product_id, p_quantity)
                  returning order_id into new_order;
                insert into payments (order_id, amount, status) values (new_order, unit_price * p_quantity, 'AUTHORIZED');
                update inventory set stock = stock - p_quantity where product_id = p_product_id;
                return new_order;
            end
            $body$;
            """;

    // the six dashboard functions: their result columns and types as the seed declares them
    static final String KPI_FUNCTIONS = """
            create or replace function fn_summary_kpis(p_window_minutes int, p_categories text[] default null)
            returns table (total_orders bigint, total_revenue numeric, orders_window bigint, revenue_window numeric,
                           active_customers_window bigint, avg_order_value_all numeric, avg_order_value_window numeric,
                           orders_per_min_window numeric)
            language plpgsql as $body$
            begin
                select count(*)::bigint, coalesce(sum(amount), 0) into total_orders, total_revenue
                  from payments where status = 'AUTHORIZED';
                select count(*)::bigint, coalesce(sum(y.amount), 0), count(distinct o.customer_id)::bigint
                  into orders_window, revenue_window, active_customers_window
                  from payments y join orders o using (order_id) join products p on p.product_id = o.product_id
                 where y.status = 'AUTHORIZED' and y.created_at >= now() - (p_window_minutes || ' minutes')::interval
                   and (p_categories is null or p.category = any (p_categories));
                avg_order_value_all := case when total_orders > 0 then total_revenue / total_orders else 0 end;
                avg_order_value_window := case when orders_window > 0 then revenue_window / orders_window else 0 end;
                orders_per_min_window := case when p_window_minutes > 0 then orders_window::numeric / p_window_minutes else 0 end;
                return next;
            end
            $body$;

            create or replace function fn_sales_by_category(p_window_minutes int, p_categories text[] default null)
            returns table (category varchar, items_sold bigint, revenue numeric) language sql as $body$
                select p.category, sum(o.quantity)::bigint, sum(p.price * o.quantity)
                  from orders o join products p using (product_id) join payments y on y.order_id = o.order_id
                 where y.status = 'AUTHORIZED' and y.created_at >= now() - (p_window_minutes || ' minutes')::interval
                   and (p_categories is null or p.category = any (p_categories))
                 group by p.category order by 3 desc
            $body$;

            create or replace function fn_inventory_snapshot(p_categories text[] default null)
            returns table (product_id int, product_name varchar, category varchar, stock int) language sql as $body$
                select p.product_id, p.product_name, p.category, i.stock
                  from inventory i join products p on p.product_id = i.product_id
                 where p_categories is null or p.category = any (p_categories)
                 order by p.product_id
            $body$;

            create or replace function fn_recent_orders(p_window_minutes int, p_limit int, p_categories text[] default null)
            returns table (order_id int, order_date date, customer_name varchar, product_name varchar, category varchar,
                           price numeric, quantity int, total_cost numeric) language sql as $body$
                select o.order_id, o.order_date, c.first_name || ' ' || c.last_name, p.product_name, p.category,
                       p.price, o.quantity, p.price * o.quantity
                  from orders o join customers c on c.customer_id = o.customer_id
                       join products p on p.product_id = o.product_id join payments y on y.order_id = o.order_id
                 where y.status = 'AUTHORIZED' and y.created_at >= now() - (p_window_minutes || ' minutes')::interval
                   and (p_categories is null or p.category = any (p_categories))
                 order by o.order_id desc limit p_limit
            $body$;

            create or replace function fn_revenue_timeseries(p_window_minutes int, p_categories text[] default null)
            returns table (ts timestamptz, revenue numeric, orders bigint) language sql as $body$
                select date_trunc('minute', y.created_at), sum(y.amount), count(*)::bigint
                  from payments y join orders o on o.order_id = y.order_id join products p on p.product_id = o.product_id
                 where y.status = 'AUTHORIZED' and y.created_at >= now() - (p_window_minutes || ' minutes')::interval
                   and (p_categories is null or p.category = any (p_categories))
                 group by 1 order by 1
            $body$;

            create or replace function fn_top_customers(p_window_minutes int, p_limit int, p_categories text[] default null)
            returns table (customer_id int, customer_name varchar, revenue numeric, orders bigint) language sql as $body$
                select c.customer_id, c.first_name || ' ' || c.last_name, sum(y.amount), count(*)::bigint
                  from payments y join orders o on o.order_id = y.order_id join customers c on c.customer_id = o.customer_id
                       join products p on p.product_id = o.product_id
                 where y.status = 'AUTHORIZED' and y.created_at >= now() - (p_window_minutes || ' minutes')::interval
                   and (p_categories is null or p.category = any (p_categories))
                 group by c.customer_id, 2 order by 3 desc limit p_limit
            $body$;
            """;
}
