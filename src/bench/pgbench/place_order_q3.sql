\set c random(1, 10)
\set p random(1, 10)
\set q random(1, 3)
select place_order(:c, :p, :q);
