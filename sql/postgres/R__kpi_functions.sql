-- The dashboard's KPI functions, with the seed project's names, parameters and columns.
--
-- Every function counts AUTHORIZED payments only. p_window_minutes is the window ending now (by payment
-- time); p_categories filters by product category, null meaning all. Their cost is bounded by what the
-- window holds: window reads go through idx_payments_authorized_created_at, and the all-time totals
-- come from the running totals on inventory (V2), never from a scan of every payment.
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
               count(distinct o.customer_id)::bigint as customers
          from payments pay
          join orders o on o.order_id = pay.order_id
          join products p on p.product_id = o.product_id
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
           sum(o.quantity)::bigint,
           sum(pay.amount)::numeric
      from payments pay
      join orders o on o.order_id = pay.order_id
      join products p on p.product_id = o.product_id
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
    select o.order_id,
           o.order_date,
           (c.first_name || ' ' || c.last_name)::text,
           p.product_name::text,
           p.category::text,
           round(pay.amount / o.quantity, 2),
           o.quantity,
           pay.amount
      from payments pay
      join orders o on o.order_id = pay.order_id
      join customers c on c.customer_id = o.customer_id
      join products p on p.product_id = o.product_id
     where pay.status = 'AUTHORIZED'
       and pay.created_at >= now() - make_interval(mins => greatest(p_window_minutes, 0))
       and (p_categories is null or p.category = any (p_categories))
     order by pay.created_at desc, o.order_id desc
     limit greatest(p_limit, 0);
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
          join orders o on o.order_id = pay.order_id
          join products p on p.product_id = o.product_id
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
    select c.customer_id,
           (c.first_name || ' ' || c.last_name)::text,
           sum(pay.amount)::numeric,
           count(*)::bigint
      from payments pay
      join orders o on o.order_id = pay.order_id
      join customers c on c.customer_id = o.customer_id
      join products p on p.product_id = o.product_id
     where pay.status = 'AUTHORIZED'
       and pay.created_at >= now() - make_interval(mins => greatest(p_window_minutes, 0))
       and (p_categories is null or p.category = any (p_categories))
     group by c.customer_id, c.first_name, c.last_name
     order by 3 desc, 1
     limit greatest(p_limit, 0);
$$;
