-- A file that always fails, for proving that a failed init leaves the database as it was.
do $$ begin raise exception 'injected failure'; end $$;
