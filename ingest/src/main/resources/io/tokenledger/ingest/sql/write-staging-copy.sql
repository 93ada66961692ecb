-- A batch's events into the staging table, in PostgreSQL's binary COPY format (UsageEventWriter encodes the rows).
--
-- Placeholders:
--   {{staged_columns}}  the staged columns in the order the rows carry them (UsageWriteStatements.STAGED_COLUMNS)
-- Binds: none.
copy usage_staging ({{staged_columns}}) from stdin (format binary)
