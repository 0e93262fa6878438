-- Benchmark-only helpers, installed into the benchmark's own database (never by `snowpulse init`).

-- More customers than the demo's ten, so distinct counts and top-customer rankings do real work.
insert into customers (first_name, last_name, email, city)
select 'Bench', 'Customer ' || n, 'bench' || n || '@example.com', 'Benchville'
  from generate_series(1, 9990) n
 where not exists (select 1 from customers where email = 'bench1@example.com');

-- p_count orders with AUTHORIZED payments, their times spread uniformly between p_newest and p_oldest ago.
create or replace function bench_add_orders(p_count int, p_newest interval, p_oldest interval) returns void
language sql as $$
    with o as (
        insert into orders (order_date, customer_id, product_id, quantity)
        select now() - p_newest - (p_oldest - p_newest) * random(),
               1 + floor(random() * (select count(*) from customers))::int,
               1 + floor(random() * 10)::int,
               1 + floor(random() * 3)::int
          from generate_series(1, p_count)
        returning order_id, order_date, customer_id, product_id, quantity)
    insert into payments (order_id, amount, status, created_at, customer_id, product_id, quantity)
    select o.order_id, p.price * o.quantity, 'AUTHORIZED', o.order_date, o.customer_id, o.product_id, o.quantity
      from o join products p on p.product_id = o.product_id;
$$;

-- Makes the last 24 hours hold exactly p_count orders again, as of now.
create or replace function bench_reset_recent(p_count int) returns void
language plpgsql as $$
begin
    delete from payments where created_at >= now() - interval '24 hours 2 minutes';
    delete from orders o where o.order_date >= now() - interval '24 hours 2 minutes'
       and not exists (select 1 from payments p where p.order_id = o.order_id);
    perform bench_add_orders(p_count, interval '0', interval '24 hours');
    perform kpi_rebuild_totals();
end
$$;
