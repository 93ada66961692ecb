delete from usage_daily
where tenant_key = any(cast(? as varchar[]))
  and usage_day between cast(? as date) and cast(? as date)
  and requests = 0 and prompt_tokens = 0 and completion_tokens = 0 and cost = 0 and unpriced_requests = 0
