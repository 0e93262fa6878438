-- Rows per layer and table, from the seed's DATA_SUMMARY table function.
SELECT LAYER, TABLE_NAME, RECORD_COUNT FROM TABLE(<% database %>.<% control_schema %>.DATA_SUMMARY())
