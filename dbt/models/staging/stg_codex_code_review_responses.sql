{#- Responses to review comments per workspace and day. The API restates these as pull requests merge, so
    the newest landed version of a day is the one to trust. -#}
select
  id,
  workspace_id,
  cast(date as date) as day,
  cast(comments as {{ dbt.type_bigint() }}) as comments,
  cast(replies as {{ dbt.type_bigint() }}) as replies,
  cast(reactions as {{ dbt.type_bigint() }}) as reactions,
  {{ codex_json_bigint('comment_response_details', 'engaged') }} as engaged_comments,
  {{ codex_json_bigint('comment_response_details', 'reacted') }} as reacted_comments,
  {{ codex_json_bigint('comment_response_details', 'replied') }} as replied_comments,
  {{ codex_json_bigint('comment_response_details', 'upvoted') }} as upvoted_comments,
  {{ codex_json_bigint('comment_response_details', 'downvoted') }} as downvoted_comments,
  {{ var('codex_loaded_at_column') }} as loaded_at
from ({{ codex_latest(source('codex', 'code_review_responses'), 'id') }}) as latest
