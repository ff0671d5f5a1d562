{#- Compliance event volume per workspace, log type, event type, user and UTC day. -#}
select
  workspace_id,
  day,
  log_type,
  event_type,
  user_id,
  count(*) as events
from {{ ref('stg_codex_compliance_events') }}
group by workspace_id, day, log_type, event_type, user_id
