-- reset_demo_data(stock): empties orders and payments and restocks every product, for a clean demo.
-- The running KPI totals start again from zero with them.

create or replace function reset_demo_data(p_stock int default 100) returns void
language plpgsql
as $$
begin
    if p_stock is null or p_stock < 0 then
        raise exception 'stock must be zero or more (got %)', coalesce(p_stock::text, 'null') using errcode = '22023';
    end if;
    truncate payments, orders restart identity;
    update inventory
       set stock = p_stock, reserved = 0, orders_authorized = 0, units_sold = 0, revenue_authorized = 0;
end
$$;
