-- SnowPulse retail pipeline for Snowflake, part 1 of 9: the database and its schemas.
-- Deployed by `snowpulse pipeline deploy` (or the Pipeline tab), which fills in the template variables.
-- Each file also runs on its own with the Snowflake CLI, e.g.
--   snow sql -f 01_database.sql -D database=RETAIL_STREAMING_DEMO -D raw_schema=S1_RAW_DATA ...
-- Everything here is idempotent: a redeploy replaces code and keeps data.

CREATE DATABASE IF NOT EXISTS <% database %>;
CREATE SCHEMA IF NOT EXISTS <% database %>.<% raw_schema %>;
CREATE SCHEMA IF NOT EXISTS <% database %>.<% bronze_schema %>;
CREATE SCHEMA IF NOT EXISTS <% database %>.<% gold_schema %>;
CREATE SCHEMA IF NOT EXISTS <% database %>.<% reference_schema %>;
CREATE SCHEMA IF NOT EXISTS <% database %>.<% control_schema %>;
