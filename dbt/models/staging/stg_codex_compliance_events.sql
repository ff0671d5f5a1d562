{#- One row per compliance event. `day` is the UTC day of the event's timestamp (run with the session time
    zone at UTC where the warehouse has one). Prompt and response text is left out on purpose. -#}
select
  event_id,
  workspace_id,
  type as log_type,
  event_type,
  client_id,
  cast(timestamp as {{ dbt.type_timestamp() }}) as occurred_at,
  cast(cast(timestamp as {{ dbt.type_timestamp() }}) as date) as day,
  {{ codex_json_text('actor', 'user_id') }} as user_id,
  {{ var('codex_loaded_at_column') }} as loaded_at
from ({{ codex_latest(source('codex', 'compliance_logs'), 'event_id') }}) as latest
