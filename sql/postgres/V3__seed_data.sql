-- Demo data: the seed project's ten customers and ten products, and 100 units of each product.
-- Idempotent: a row is added only when it is missing (the seed itself duplicated customers on every run).

insert into customers (first_name, last_name, email, city)
select v.first_name, v.last_name, v.email, v.city
  from (values
        ('Alice',   'Smith',     'alice@example.com',    'New York'),
        ('Bob',     'Johnson',   'bob@test.com',         'Los Angeles'),
        ('Charlie', 'Brown',     'charlie@sample.net',   'Chicago'),
        ('Diana',   'Prince',    'diana@themyscira.com', 'Houston'),
        ('Evan',    'Wright',    'evan@write.com',       'Phoenix'),
        ('Fiona',   'Gallagher', 'fiona@shameless.com',  'Chicago'),
        ('George',  'Martin',    'grrm@books.com',       'Santa Fe'),
        ('Hannah',  'Montana',   'hannah@music.com',     'Los Angeles'),
        ('Ian',     'Malcolm',   'ian@chaos.com',        'Austin'),
        ('Julia',   'Roberts',   'julia@movie.com',      'New York')
       ) as v (first_name, last_name, email, city)
 where not exists (select 1 from customers c where c.email = v.email);

insert into products (product_name, category, price)
select v.product_name, v.category, v.price
  from (values
        ('Wireless Mouse',          'Electronics',  25.99),
        ('Mechanical Keyboard',     'Electronics', 120.50),
        ('Gaming Monitor',          'Electronics', 300.00),
        ('Yoga Mat',                'Fitness',      20.00),
        ('Dumbbell Set',            'Fitness',      55.00),
        ('Running Shoes',           'Footwear',     89.99),
        ('Leather Jacket',          'Apparel',     150.00),
        ('Coffee Maker',            'Kitchen',      45.00),
        ('Blender',                 'Kitchen',      30.00),
        ('Novel: The Great Gatsby', 'Books',        12.50)
       ) as v (product_name, category, price)
 where not exists (select 1 from products p where p.product_name = v.product_name);

insert into inventory (product_id, stock)
select product_id, 100 from products
on conflict (product_id) do nothing;
