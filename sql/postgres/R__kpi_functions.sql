-- The dashboard's KPI functions, with the seed project's names, parameters and columns.
--
-- Every function counts AUTHORIZED payments only. p_window_minutes is the window ending now (by payment
-- time); p_categories filters by product category, null meaning all. Their cost follows what the window
-- holds, not the size of the tables (see V2__fast_kpis.sql): window reads use the covering index
-- idx_payments_window and never join orders; names are looked up only for the rows a function returns;
-- the all-time totals come from the running totals on inventory.
-- Changed from the seed: fn_recent_orders returns the order's timestamp (the seed truncated it to a
-- date) and the price actually charged; fn_revenue_timeseries returns every minute of the window,
-- zero-filled, so a chart of it has no holes; amounts are what was charged, not today's price.

create or replace function fn_summary_kpis(p_window_minutes int, p_categories text[] default null)
returns table (
    total_orders            bigint,
    total_revenue           numeric,
    orders_window           bigint,
    revenue_window          numeric,
    active_customers_window bigint,
    avg_order_value_all     numeric,
    avg_order_value_window  numeric,
    orders_per_min_window   numeric)
language sql
stable
as $$
    with totals as (
        select coalesce(sum(i.orders_authorized), 0)::bigint as orders,
               coalesce(sum(i.revenue_authorized), 0)::numeric as revenue
          from inventory i
    ), win as (
        select count(*)::bigint as orders,
               coalesce(sum(pay.amount), 0)::numeric as revenue,
               count(distinct pay.customer_id)::bigint as customers
          from payments pay
          join products p on p.product_id = pay.product_id
         where pay.status = 'AUTHORIZED'
           and pay.created_at >= now() - make_interval(mins => greatest(p_window_minutes, 0))
           and (p_categories is null or p.category = any (p_categories))
    )
    select totals.orders,
           totals.revenue,
           win.orders,
           win.revenue,
           win.customers,
           case when totals.orders > 0 then totals.revenue / totals.orders else 0 end,
           case when win.orders > 0 then win.revenue / win.orders else 0 end,
           case when p_window_minutes > 0 then win.orders::numeric / p_window_minutes else 0 end
      from totals, win;
$$;

create or replace function fn_sales_by_category(p_window_minutes int, p_categories text[] default null)
returns table (category text, items_sold bigint, revenue numeric)
language sql
stable
as $$
    select p.category::text,
           sum(pay.quantity)::bigint,
           sum(pay.amount)::numeric
      from payments pay
      join products p on p.product_id = pay.product_id
     where pay.status = 'AUTHORIZED'
       and pay.created_at >= now() - make_interval(mins => greatest(p_window_minutes, 0))
       and (p_categories is null or p.category = any (p_categories))
     group by p.category
     order by 3 desc, 1;
$$;

create or replace function fn_inventory_snapshot(p_categories text[] default null)
returns table (product_id int, product_name text, category text, stock int)
language sql
stable
as $$
    select p.product_id, p.product_name::text, p.category::text, i.stock
      from inventory i
      join products p on p.product_id = i.product_id
     where p_categories is null or p.category = any (p_categories)
     order by p.product_id;
$$;

create or replace function fn_recent_orders(p_window_minutes int, p_limit int, p_categories text[] default null)
returns table (
    order_id      int,
    order_date    timestamptz,
    customer_name text,
    product_name  text,
    category      text,
    price         numeric,
    quantity      int,
    total_cost    numeric)
language sql
stable
as $$
    select r.order_id,
           r.created_at,
           (c.first_name || ' ' || c.last_name)::text,
           r.product_name,
           r.category,
           round(r.amount / r.quantity, 2),
           r.quantity,
           r.amount
      from (select pay.order_id, pay.created_at, pay.customer_id, pay.quantity, pay.amount,
                   p.product_name::text as product_name, p.category::text as category
              from payments pay
              join products p on p.product_id = pay.product_id
             where pay.status = 'AUTHORIZED'
               and pay.created_at >= now() - make_interval(mins => greatest(p_window_minutes, 0))
               and (p_categories is null or p.category = any (p_categories))
             order by pay.created_at desc, pay.order_id desc
             limit greatest(p_limit, 0)) r
      join customers c on c.customer_id = r.customer_id
     order by r.created_at desc, r.order_id desc;
$$;

create or replace function fn_revenue_timeseries(p_window_minutes int, p_categories text[] default null)
returns table (ts timestamptz, revenue numeric, orders bigint)
language sql
stable
as $$
    with per_minute as (
        select date_trunc('minute', pay.created_at) as minute,
               sum(pay.amount) as revenue,
               count(*) as orders
          from payments pay
          join products p on p.product_id = pay.product_id
         where pay.status = 'AUTHORIZED'
           and pay.created_at >= now() - make_interval(mins => greatest(p_window_minutes, 0))
           and (p_categories is null or p.category = any (p_categories))
         group by 1
    )
    select m.minute,
           coalesce(pm.revenue, 0)::numeric,
           coalesce(pm.orders, 0)::bigint
      from generate_series(date_trunc('minute', now() - make_interval(mins => greatest(p_window_minutes, 0))),
                           date_trunc('minute', now()),
                           interval '1 minute') as m (minute)
      left join per_minute pm on pm.minute = m.minute
     where p_window_minutes > 0
     order by m.minute;
$$;

create or replace function fn_top_customers(p_window_minutes int, p_limit int, p_categories text[] default null)
returns table (customer_id int, customer_name text, revenue numeric, orders bigint)
language sql
stable
as $$
    select t.customer_id,
           (c.first_name || ' ' || c.last_name)::text,
           t.revenue,
           t.orders
      from (select pay.customer_id, sum(pay.amount)::numeric as revenue, count(*)::bigint as orders
              from payments pay
              join products p on p.product_id = pay.product_id
             where pay.status = 'AUTHORIZED'
               and pay.created_at >= now() - make_interval(mins => greatest(p_window_minutes, 0))
               and (p_categories is null or p.category = any (p_categories))
             group by pay.customer_id
             order by 2 desc, 1
             limit greatest(p_limit, 0)) t
      join customers c on c.customer_id = t.customer_id
     order by t.revenue desc, t.customer_id;
$$;

-- Not in the seed: the window just before the current one (p_offset_minutes back), so the dashboard can show
-- each figure's trend. Same predicate and index as the window functions above, bounded on both sides.
create or replace function fn_window_totals(p_window_minutes int, p_offset_minutes int, p_categories text[] default null)
returns table (orders bigint, revenue numeric, active_customers bigint)
language sql
stable
as $$
    select count(*)::bigint,
           coalesce(sum(pay.amount), 0)::numeric,
           count(distinct pay.customer_id)::bigint
      from payments pay
      join products p on p.product_id = pay.product_id
     where pay.status = 'AUTHORIZED'
       and pay.created_at >= now() - make_interval(mins => greatest(p_window_minutes, 0) + greatest(p_offset_minutes, 0))
       and pay.created_at < now() - make_interval(mins => greatest(p_offset_minutes, 0))
       and (p_categories is null or p.category = any (p_categories));
$$;
