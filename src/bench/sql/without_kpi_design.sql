-- The writer baseline: SnowPulse's schema with its KPI design taken out (no covering window index, no
-- order columns on payments, no running totals), and place_order doing only what the seed's did.

drop index if exists idx_payments_window;
alter table payments drop column if exists customer_id, drop column if exists product_id, drop column if exists quantity;
alter table inventory drop column if exists orders_authorized, drop column if exists units_sold,
                      drop column if exists revenue_authorized;

create or replace function place_order(p_customer_id int, p_product_id int, p_quantity int)
returns int language plpgsql as $$
declare
    v_stock int; v_price numeric(10, 2); v_order_id int;
begin
    if p_quantity is null or p_quantity <= 0 then
        raise exception 'quantity must be positive' using errcode = 'SP001';
    end if;
    perform 1 from customers where customer_id = p_customer_id;
    if not found then
        raise exception 'customer % not found', p_customer_id using errcode = 'SP002';
    end if;
    select i.stock, p.price into v_stock, v_price
      from inventory i join products p on p.product_id = i.product_id
     where i.product_id = p_product_id for update of i;
    if not found then
        raise exception 'product % not found', p_product_id using errcode = 'SP003';
    end if;
    if v_stock < p_quantity then
        raise exception 'insufficient stock' using errcode = 'SP004';
    end if;
    insert into orders (order_date, customer_id, product_id, quantity)
    values (now(), p_customer_id, p_product_id, p_quantity) returning order_id into v_order_id;
    insert into payments (order_id, amount, status, created_at)
    values (v_order_id, v_price * p_quantity, 'AUTHORIZED', now());
    update inventory set stock = stock - p_quantity where product_id = p_product_id;
    return v_order_id;
end
$$;
