-- What keeps the KPI functions fast as orders grow, without slowing the writers.
--
-- 1. Window figures (the last N minutes): every window KPI reads the authorised payments of the window.
--    Payments carry their order's customer, product and quantity (place_order knows them already, so
--    writing them costs nothing), and one covering partial index answers every window query without
--    going back to orders. Joining orders instead leaves the plan to the planner's guess of how many rows
--    the window holds, and a wrong guess (a quiet last day after a busy month) turns a millisecond read
--    into a scan of every order.
-- 2. All-time figures: each inventory row carries its product's authorised orders, units and revenue.
--    place_order already locks that row to take stock, so keeping the totals there adds no statement and
--    no new contention (a single counter row would serialise every order). fn_summary_kpis sums a few
--    product rows instead of every payment.

create or replace function kpi_rebuild_totals() returns void
language plpgsql as $$
begin
    -- The first update locks every inventory row, so no order commits between the two statements.
    update inventory set orders_authorized = 0, units_sold = 0, revenue_authorized = 0;
    update inventory i
       set orders_authorized  = t.orders,
           units_sold         = t.units,
           revenue_authorized = t.revenue
      from (select product_id, count(*) as orders, sum(quantity) as units, sum(amount) as revenue
              from payments
             where status = 'AUTHORIZED'
             group by product_id) t
     where t.product_id = i.product_id;
end
$$;

alter table payments add column if not exists customer_id int;
alter table payments add column if not exists product_id  int;
alter table payments add column if not exists quantity    int;
-- a database adopted from the seed project has payments without them
update payments pay
   set customer_id = o.customer_id, product_id = o.product_id, quantity = o.quantity
  from orders o
 where o.order_id = pay.order_id
   and (pay.customer_id is null or pay.product_id is null or pay.quantity is null);
alter table payments alter column customer_id set not null;
alter table payments alter column product_id  set not null;
alter table payments alter column quantity    set not null;

create index if not exists idx_payments_window
    on payments (created_at) include (amount, order_id, customer_id, product_id, quantity)
    where status = 'AUTHORIZED';

alter table inventory add column if not exists orders_authorized  bigint         not null default 0;
alter table inventory add column if not exists units_sold         bigint         not null default 0;
alter table inventory add column if not exists revenue_authorized numeric(16, 2) not null default 0;

-- the totals of whatever the database held before (nothing, or an adopted seed database's orders)
select kpi_rebuild_totals();
