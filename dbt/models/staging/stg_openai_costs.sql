{#- OpenAI organization costs (Admin API), in money: `amount` is {value, currency}. Not Codex credits. -#}
select
  id,
  cast(date as date) as day,
  project_id,
  line_item,
  api_key_id,
  {{ codex_json_float('amount', 'value') }} as amount,
  lower({{ codex_json_text('amount', 'currency') }}) as currency,
  {{ var('codex_loaded_at_column') }} as loaded_at
from ({{ codex_latest(source('codex', 'organization_costs'), 'id') }}) as latest
