{#- Credits, tokens and cost per user and day, from the user's own totals. Credits are Codex's unit of use,
    not money: cost_usd is what the API reports (null where it does not), estimated_cost_usd its estimate. -#}
select
  workspace_id,
  day,
  user_id,
  email,
  threads,
  turns,
  credits,
  cost_usd,
  estimated_cost_usd,
  uncached_input_tokens,
  cached_input_tokens,
  output_tokens,
  total_tokens,
  lines_added,
  lines_removed
from {{ ref('stg_codex_usage') }}
