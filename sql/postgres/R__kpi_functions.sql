-- The dashboard's KPI functions, with the seed project's names, parameters, result columns and types, so its
-- Streamlit dashboard and its users' queries read them unchanged.
--
-- Every function counts AUTHORIZED payments only. p_window_minutes is the window ending now (by payment
-- time); p_categories filters by product category, null meaning all. Their cost follows what the window
-- holds, not the size of the tables (see V2__fast_kpis.sql): window reads use the covering index
-- idx_payments_window and never join orders; names are looked up only for the rows a function returns;
-- the all-time totals come from the running totals on inventory.
-- Changed from the seed: amounts are what was charged, not today's price; fn_recent_orders lists the newest
-- payments first and adds ordered_at, the order's time of day, after the seed's columns.
-- Added beside them: fn_revenue_per_minute (every minute of the window, zero-filled) and fn_window_totals.

-- A function whose result columns differ from the ones below (a seed database's, or an older SnowPulse's) cannot be
-- replaced in place (SQLSTATE 42P13): it is dropped first, and whoever was granted EXECUTE on it keeps it.
create or replace function pg_temp.drop_if_result_differs(p_function text, p_result text) returns void
language plpgsql as $$
declare
    f regprocedure := to_regprocedure(p_function);
begin
    if f is null or pg_get_function_result(f) = p_result then
        return;
    end if;
    create temp table if not exists replaced_function_grants (function_name text, had_acl boolean, grantee text);
    insert into replaced_function_grants
    select p_function, p.proacl is not null, g.grantee
      from pg_proc p
      left join lateral (select case when a.grantee = 0 then 'public' else quote_ident(pg_get_userbyid(a.grantee)) end
                           from aclexplode(p.proacl) a
                          where a.privilege_type = 'EXECUTE' and a.grantee <> p.proowner) g (grantee) on true
     where p.oid = f;
    execute format('drop function %s', f);
end
$$;

create or replace function pg_temp.restore_replaced_grants() returns void
language plpgsql as $$
declare
    g record;
begin
    if to_regclass('pg_temp.replaced_function_grants') is null then
        return;
    end if;
    for g in select distinct function_name, had_acl from replaced_function_grants where had_acl loop
        execute format('revoke all on function %s from public', g.function_name);
    end loop;
    for g in select function_name, grantee from replaced_function_grants where grantee is not null loop
        execute format('grant execute on function %s to %s', g.function_name, g.grantee);
    end loop;
    drop table replaced_function_grants;
end
$$;

select pg_temp.drop_if_result_differs('fn_sales_by_category(int, text[])',
    'TABLE(category character varying, items_sold bigint, revenue numeric)');
select pg_temp.drop_if_result_differs('fn_inventory_snapshot(text[])',
    'TABLE(product_id integer, product_name character varying, category character varying, stock integer)');
select pg_temp.drop_if_result_differs('fn_recent_orders(int, int, text[])',
    'TABLE(order_id integer, order_date date, customer_name character varying, product_name character varying, '
    'category character varying, price numeric, quantity integer, total_cost numeric, ordered_at timestamp with time zone)');
select pg_temp.drop_if_result_differs('fn_top_customers(int, int, text[])',
    'TABLE(customer_id integer, customer_name character varying, revenue numeric, orders bigint)');

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
returns table (category varchar, items_sold bigint, revenue numeric)
language sql
stable
as $$
    select p.category,
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
returns table (product_id int, product_name varchar, category varchar, stock int)
language sql
stable
as $$
    select p.product_id, p.product_name, p.category, i.stock
      from inventory i
      join products p on p.product_id = i.product_id
     where p_categories is null or p.category = any (p_categories)
     order by p.product_id;
$$;

create or replace function fn_recent_orders(p_window_minutes int, p_limit int, p_categories text[] default null)
returns table (
    order_id      int,
    order_date    date,
    customer_name varchar,
    product_name  varchar,
    category      varchar,
    price         numeric,
    quantity      int,
    total_cost    numeric,
    ordered_at    timestamptz)
language sql
stable
as $$
    select r.order_id,
           o.order_date,
           c.first_name || ' ' || c.last_name,
           r.product_name,
           r.category,
           round(r.amount / r.quantity, 2),
           r.quantity,
           r.amount,
           r.created_at
      from (select pay.order_id, pay.created_at, pay.customer_id, pay.quantity, pay.amount,
                   p.product_name, p.category
              from payments pay
              join products p on p.product_id = pay.product_id
             where pay.status = 'AUTHORIZED'
               and pay.created_at >= now() - make_interval(mins => greatest(p_window_minutes, 0))
               and (p_categories is null or p.category = any (p_categories))
             order by pay.created_at desc, pay.order_id desc
             limit greatest(p_limit, 0)) r
      join customers c on c.customer_id = r.customer_id
      join orders o on o.order_id = r.order_id
     order by r.created_at desc, r.order_id desc;
$$;

create or replace function fn_revenue_timeseries(p_window_minutes int, p_categories text[] default null)
returns table (ts timestamptz, revenue numeric, orders bigint)
language sql
stable
as $$
    select date_trunc('minute', pay.created_at),
           sum(pay.amount)::numeric,
           count(*)::bigint
      from payments pay
      join products p on p.product_id = pay.product_id
     where pay.status = 'AUTHORIZED'
       and pay.created_at >= now() - make_interval(mins => greatest(p_window_minutes, 0))
       and (p_categories is null or p.category = any (p_categories))
     group by 1
     order by 1;
$$;

-- Not in the seed: fn_revenue_timeseries with every minute of the window, zero-filled, so a chart of it has no holes.
create or replace function fn_revenue_per_minute(p_window_minutes int, p_categories text[] default null)
returns table (ts timestamptz, revenue numeric, orders bigint)
language sql
stable
as $$
    select m.minute,
           coalesce(t.revenue, 0)::numeric,
           coalesce(t.orders, 0)::bigint
      from generate_series(date_trunc('minute', now() - make_interval(mins => greatest(p_window_minutes, 0))),
                           date_trunc('minute', now()),
                           interval '1 minute') as m (minute)
      left join fn_revenue_timeseries(p_window_minutes, p_categories) t on t.ts = m.minute
     where p_window_minutes > 0
     order by m.minute;
$$;

create or replace function fn_top_customers(p_window_minutes int, p_limit int, p_categories text[] default null)
returns table (customer_id int, customer_name varchar, revenue numeric, orders bigint)
language sql
stable
as $$
    select t.customer_id,
           c.first_name || ' ' || c.last_name,
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

select pg_temp.restore_replaced_grants();
