{#- One row per user, day and client. A user's clients need not add up to the user's totals. -#}
select
  id,
  workspace_id,
  cast(date as date) as day,
  user_id,
  email,
  client_id,
  cast(threads as {{ dbt.type_bigint() }}) as threads,
  cast(turns as {{ dbt.type_bigint() }}) as turns,
  cast(credits as {{ dbt.type_float() }}) as credits,
  cast(uncached_text_input_tokens as {{ dbt.type_bigint() }}) as uncached_input_tokens,
  cast(cached_text_input_tokens as {{ dbt.type_bigint() }}) as cached_input_tokens,
  cast(text_output_tokens as {{ dbt.type_bigint() }}) as output_tokens,
  cast(text_total_tokens as {{ dbt.type_bigint() }}) as total_tokens,
  {{ var('codex_loaded_at_column') }} as loaded_at
from ({{ codex_latest(source('codex', 'usage_by_client'), 'id') }}) as latest
