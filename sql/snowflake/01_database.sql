-- SnowPulse retail pipeline for Snowflake, part 1 of 8: the database and its schemas.
-- Deployed by `snowpulse pipeline deploy` (or the Pipeline tab), which fills in the template variables and shows a
-- plan first. Seed 001's objects keep their names, columns, values and call forms; SnowPulse adds beside them and
-- never drops, renames or rewrites a table (see "Switching from the seed projects" in the README).
-- Each file also runs on its own with the Snowflake CLI, e.g.
--   snow sql -f 01_database.sql -D database=RETAIL_STREAMING_DEMO -D raw_schema=S1_RAW_DATA ...

CREATE DATABASE IF NOT EXISTS <% database %>;
CREATE SCHEMA IF NOT EXISTS <% database %>.<% raw_schema %>;
CREATE SCHEMA IF NOT EXISTS <% database %>.<% bronze_schema %>;
CREATE SCHEMA IF NOT EXISTS <% database %>.<% gold_schema %>;
CREATE SCHEMA IF NOT EXISTS <% database %>.<% reference_schema %>;
CREATE SCHEMA IF NOT EXISTS <% database %>.DATA_QUALITY;
CREATE SCHEMA IF NOT EXISTS <% database %>.<% control_schema %>;
