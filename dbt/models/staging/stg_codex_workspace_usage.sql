{#- The workspace's own daily totals (group=workspace). Use these for workspace figures: summing per-user
    or per-client rows double counts or misses what the API attributes to no user. -#}
select
  id,
  workspace_id,
  cast(date as date) as day,
  {{ codex_json_bigint('totals', 'threads') }} as threads,
  {{ codex_json_bigint('totals', 'turns') }} as turns,
  {{ codex_json_float('totals', 'credits') }} as credits,
  {{ codex_json_float('totals', 'cost_usd') }} as cost_usd,
  {{ codex_json_float('totals', 'estimated_cost_usd') }} as estimated_cost_usd,
  {{ codex_json_bigint('totals', 'text_total_tokens') }} as total_tokens,
  {{ var('codex_loaded_at_column') }} as loaded_at
from ({{ codex_latest(source('codex', 'workspace_usage'), 'id') }}) as latest
