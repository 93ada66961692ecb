select to_regclass('pg_temp.usage_staging') is not null
