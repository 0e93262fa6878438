-- orders.order_date is the seed project's DATE again, as its users' queries expect (order_date = current_date);
-- the time of day every per-minute figure needs is kept beside it, in ordered_at.
--
-- V1 had turned order_date into a timestamptz, which broke those queries and, through fn_recent_orders, the seed's
-- own dashboard. Nothing is lost on the way back: ordered_at takes the payment's time (the seed wrote no other), else
-- the order's own timestamp.

alter table orders add column if not exists ordered_at timestamptz;

update orders o
   set ordered_at = y.created_at
  from payments y
 where y.order_id = o.order_id
   and o.ordered_at is null;

update orders set ordered_at = order_date where ordered_at is null;

alter table orders alter column ordered_at set default now();
alter table orders alter column ordered_at set not null;

do $$
begin
    if (select data_type from information_schema.columns
         where table_schema = current_schema() and table_name = 'orders' and column_name = 'order_date') <> 'date' then
        alter table orders alter column order_date type date using order_date::date;
    end if;
end
$$;

alter table orders alter column order_date set default current_date;

-- the seed's index, which V1 had dropped with the DATE column
create index if not exists idx_orders_order_date on orders (order_date);
