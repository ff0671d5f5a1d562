{#- Credits and tokens per user, client and day. Sum across users for a client's total; do not sum a
    user's clients for the user's total (use codex_usage_user_daily). -#}
select
  workspace_id,
  day,
  user_id,
  client_id,
  threads,
  turns,
  credits,
  uncached_input_tokens,
  cached_input_tokens,
  output_tokens,
  total_tokens
from {{ ref('stg_codex_usage_by_client') }}
