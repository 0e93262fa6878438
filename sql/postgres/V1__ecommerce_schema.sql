-- The e-commerce schema: customers, products, orders, inventory, payments.
--
-- Written to be applied to an empty database and equally to one the seed project (Snowflake Postgres
-- OLTP demo, `python -m app.init_db`) already initialised: every statement is IF NOT EXISTS or checks the
-- catalog first, so applying it changes nothing that is already right and loses no data.

create table if not exists customers (
    customer_id serial primary key,
    first_name  varchar(50) not null,
    last_name   varchar(50) not null,
    email       varchar(100),
    city        varchar(50)
);

create table if not exists products (
    product_id   serial primary key,
    product_name varchar(100) not null,
    category     varchar(50)  not null,
    price        numeric(10, 2) not null check (price >= 0)
);

create table if not exists orders (
    order_id    serial primary key,
    order_date  timestamptz not null default now(),
    customer_id int not null references customers (customer_id),
    product_id  int not null references products (product_id),
    quantity    int not null check (quantity > 0)
);

create table if not exists inventory (
    product_id int primary key references products (product_id),
    stock      int not null check (stock >= 0),
    reserved   int not null default 0
);

create table if not exists payments (
    payment_id serial primary key,
    order_id   int not null references orders (order_id),
    amount     numeric(12, 2) not null,
    status     varchar(20) not null,
    created_at timestamptz not null default now()
);

-- The seed stored order_date as a DATE, which loses the time of day every per-minute KPI needs.
-- Existing dates become midnight of that day; nothing is dropped.
do $$
begin
    if (select data_type from information_schema.columns
         where table_schema = current_schema() and table_name = 'orders' and column_name = 'order_date') = 'date' then
        alter table orders alter column order_date type timestamptz using order_date::timestamptz;
        alter table orders alter column order_date set default now();
    end if;
end
$$;

-- Stock can never go negative, whatever writes it (the seed had no such guard).
do $$
begin
    if not exists (select 1 from pg_constraint
                    where conrelid = 'inventory'::regclass and contype = 'c'
                      and pg_get_constraintdef(oid) like '%stock >= 0%') then
        alter table inventory add constraint inventory_stock_not_negative check (stock >= 0);
    end if;
end
$$;

-- Foreign keys the workload and the reports rely on.
create index if not exists idx_orders_customer_id on orders (customer_id);
create index if not exists idx_orders_product_id  on orders (product_id);
create index if not exists idx_payments_order_id  on payments (order_id);
create index if not exists idx_products_category  on products (category);
-- The seed's index on the old DATE column is superseded by the one above.
drop index if exists idx_orders_order_date;
