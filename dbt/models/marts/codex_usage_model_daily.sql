{#- Credits and tokens per user, model, speed and day. Sum across users for a model's total; do not sum a
    user's models for the user's total (use codex_usage_user_daily). -#}
select
  workspace_id,
  day,
  user_id,
  model,
  speed,
  credits,
  uncached_input_tokens,
  cached_input_tokens,
  output_tokens,
  total_tokens
from {{ ref('stg_codex_usage_by_model') }}
