-- Payments written by anything but place_order (a user's own script, written against the seed project's columns:
-- insert into payments (order_id, amount, status)) are counted like every other.
--
-- place_order fills the columns V2__fast_kpis.sql added (customer, product, quantity) and keeps the running totals
-- itself, so neither trigger below runs for its payments: the first one's WHEN clause is false for them, and it never
-- updates or deletes. A payment written without those columns gets them from its order, and its product's totals
-- count it; a payment whose status, amount, product or quantity changes, or that is deleted, is taken out of the
-- totals it was in and put into the ones it is in now.

create or replace function payments_complete_from_order() returns trigger
language plpgsql as $$
declare
    v_order orders%rowtype;
begin
    select * into v_order from orders o where o.order_id = new.order_id;
    -- no such order: what the payment says is kept, and its foreign key decides whether it may stay
    if found then
        new.customer_id := coalesce(new.customer_id, v_order.customer_id);
        new.product_id := coalesce(new.product_id, v_order.product_id);
        new.quantity := coalesce(new.quantity, v_order.quantity);
    end if;
    if new.status = 'AUTHORIZED' and new.quantity is not null and new.amount is not null then
        update inventory
           set orders_authorized  = orders_authorized + 1,
               units_sold         = units_sold + new.quantity,
               revenue_authorized = revenue_authorized + new.amount
         where product_id = new.product_id;
    end if;
    return new;
end
$$;

create or replace trigger payments_complete_from_order
    before insert on payments
    for each row
    when (new.customer_id is null or new.product_id is null or new.quantity is null)
    execute function payments_complete_from_order();

create or replace function payments_move_totals() returns trigger
language plpgsql as $$
begin
    if old.status = 'AUTHORIZED' and old.quantity is not null and old.amount is not null then
        update inventory
           set orders_authorized  = orders_authorized - 1,
               units_sold         = units_sold - old.quantity,
               revenue_authorized = revenue_authorized - old.amount
         where product_id = old.product_id;
    end if;
    if tg_op = 'UPDATE' and new.status = 'AUTHORIZED' and new.quantity is not null and new.amount is not null then
        update inventory
           set orders_authorized  = orders_authorized + 1,
               units_sold         = units_sold + new.quantity,
               revenue_authorized = revenue_authorized + new.amount
         where product_id = new.product_id;
    end if;
    return null;
end
$$;

create or replace trigger payments_move_totals
    after update of status, amount, product_id, quantity or delete on payments
    for each row
    execute function payments_move_totals();
