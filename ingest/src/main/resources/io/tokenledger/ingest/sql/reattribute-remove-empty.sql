-- After a re-attribution: removes the daily rollup rows it left with nothing in them. A row with nothing left in it has
-- no events left: requests alone do not tell (an App Insights correction may carry tokens but no requests), and cached
-- prompt and reasoning tokens are parts of prompt and completion tokens.
--
-- Placeholders: none.
-- Binds:
--   ?  the tenants the events moved from (text[])
--   ?  the first day the moves lie in
--   ?  the last day they lie in
delete from usage_daily
where tenant_key = any(?)
  and usage_day between cast(? as date) and cast(? as date)
  and requests = 0 and prompt_tokens = 0 and completion_tokens = 0 and cost = 0 and unpriced_requests = 0
