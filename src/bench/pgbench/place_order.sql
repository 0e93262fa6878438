\set c random(1, 10)
\set p random(1, 10)
select place_order(:c, :p, 1);
