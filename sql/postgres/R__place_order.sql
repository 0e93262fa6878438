-- place_order(customer, product, quantity) -> order id: one checkout, in one transaction.
--
-- Locks the product's inventory row, then writes the order, an AUTHORIZED payment for price x quantity
-- (carrying the order's customer, product and quantity for the window KPIs) and the stock decrement, and
-- folds the order into the product's running KPI totals (see V2__fast_kpis.sql).
-- Stock never goes negative: the row lock serialises orders for the same product, and a CHECK backs it up.
--
-- Errors, each with its own SQLSTATE so callers can count them apart:
--   SP001  quantity must be positive          (quantity is null, zero or negative)
--   SP002  customer N not found
--   SP003  product N not found                (no such product, or it has no inventory row)
--   SP004  insufficient stock for product N (requested Q, available S)
-- The seed let a bad quantity through and surfaced a bad customer only as a foreign-key violation.

create or replace function place_order(p_customer_id int, p_product_id int, p_quantity int)
returns int
language plpgsql
as $$
declare
    v_stock    int;
    v_price    numeric(10, 2);
    v_amount   numeric(12, 2);
    v_order_id int;
begin
    if p_quantity is null or p_quantity <= 0 then
        raise exception 'quantity must be positive (got %)', coalesce(p_quantity::text, 'null')
            using errcode = 'SP001', hint = 'Order at least one unit.';
    end if;

    perform 1 from customers where customer_id = p_customer_id;
    if not found then
        raise exception 'customer % not found', coalesce(p_customer_id::text, 'null')
            using errcode = 'SP002', hint = 'Use a customer_id from the customers table.';
    end if;

    select i.stock, p.price
      into v_stock, v_price
      from inventory i
      join products p on p.product_id = i.product_id
     where i.product_id = p_product_id
       for update of i;
    if not found then
        raise exception 'product % not found', coalesce(p_product_id::text, 'null')
            using errcode = 'SP003', hint = 'Use a product_id that has an inventory row.';
    end if;

    if v_stock < p_quantity then
        raise exception 'insufficient stock for product % (requested %, available %)', p_product_id, p_quantity, v_stock
            using errcode = 'SP004', hint = 'Restock the product or order fewer units.';
    end if;

    insert into orders (order_date, ordered_at, customer_id, product_id, quantity)
    values (current_date, now(), p_customer_id, p_product_id, p_quantity)
    returning order_id into v_order_id;

    v_amount := v_price * p_quantity;
    insert into payments (order_id, amount, status, created_at, customer_id, product_id, quantity)
    values (v_order_id, v_amount, 'AUTHORIZED', now(), p_customer_id, p_product_id, p_quantity);

    update inventory
       set stock              = stock - p_quantity,
           orders_authorized  = orders_authorized + 1,
           units_sold         = units_sold + p_quantity,
           revenue_authorized = revenue_authorized + v_amount
     where product_id = p_product_id;

    return v_order_id;
end
$$;

comment on function place_order(int, int, int) is
    'One checkout: order + AUTHORIZED payment + stock decrement. SQLSTATEs: SP001 quantity, SP002 customer, SP003 product, SP004 stock.';
