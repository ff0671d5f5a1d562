{#- One row per user and day; the numbers live in the `totals` object. A null counter is "unavailable"
    (the API could not compute it), never zero: nothing here turns it into 0. -#}
select
  id,
  workspace_id,
  cast(date as date) as day,
  user_id,
  email,
  {{ codex_json_bigint('totals', 'threads') }} as threads,
  {{ codex_json_bigint('totals', 'turns') }} as turns,
  {{ codex_json_float('totals', 'credits') }} as credits,
  {{ codex_json_float('totals', 'cost_usd') }} as cost_usd,
  {{ codex_json_float('totals', 'estimated_cost_usd') }} as estimated_cost_usd,
  {{ codex_json_bigint('totals', 'uncached_text_input_tokens') }} as uncached_input_tokens,
  {{ codex_json_bigint('totals', 'cached_text_input_tokens') }} as cached_input_tokens,
  {{ codex_json_bigint('totals', 'text_output_tokens') }} as output_tokens,
  {{ codex_json_bigint('totals', 'text_total_tokens') }} as total_tokens,
  {{ codex_json_bigint('code_attribution', 'lines_added') }} as lines_added,
  {{ codex_json_bigint('code_attribution', 'lines_removed') }} as lines_removed,
  {{ var('codex_loaded_at_column') }} as loaded_at
from ({{ codex_latest(source('codex', 'usage'), 'id') }}) as latest
