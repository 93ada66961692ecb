-- Whether this connection has its staging table yet (write-staging-create.sql).
--
-- Placeholders: none. Binds: none.
select to_regclass('pg_temp.usage_staging') is not null
