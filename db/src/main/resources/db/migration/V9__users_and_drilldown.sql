-- Issue 8: who may see what, and the tenant page's drill-down to single usage events.

-- When a local user's password was last set by an admin (null: since the user was created).
alter table app_user add column password_changed_at timestamptz;

-- The drill-down lists one tenant's events newest first and pages with a keyset on (event_time, event_id), so a
-- page is an index range scan whatever the tenant's history; deployment, model, user and day filters narrow it.
create index usage_event_tenant_time_ix on usage_event (tenant_key, event_time, event_id);
