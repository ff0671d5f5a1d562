{#- Code reviews per workspace and day; findings by severity live in `comment_details`. -#}
select
  id,
  workspace_id,
  cast(date as date) as day,
  cast(pull_request_reviews as {{ dbt.type_bigint() }}) as pull_request_reviews,
  cast(comments as {{ dbt.type_bigint() }}) as comments,
  {{ codex_json_bigint('comment_details', 'p0') }} as p0_findings,
  {{ codex_json_bigint('comment_details', 'p1') }} as p1_findings,
  {{ codex_json_bigint('comment_details', 'p2') }} as p2_findings,
  {{ var('codex_loaded_at_column') }} as loaded_at
from ({{ codex_latest(source('codex', 'code_reviews'), 'id') }}) as latest
