{#- Code review volume and findings per workspace and day, with how people responded. Rates are over the
    comments the responses endpoint counts, and null on a day without comments (not 0%). -#}
with reviews as (
  select * from {{ ref('stg_codex_code_reviews') }}
),

responses as (
  select * from {{ ref('stg_codex_code_review_responses') }}
)

select
  coalesce(reviews.workspace_id, responses.workspace_id) as workspace_id,
  coalesce(reviews.day, responses.day) as day,
  reviews.pull_request_reviews,
  reviews.comments as review_comments,
  reviews.p0_findings,
  reviews.p1_findings,
  reviews.p2_findings,
  responses.comments as responded_comments_base,
  responses.replied_comments,
  responses.reacted_comments,
  responses.engaged_comments,
  responses.upvoted_comments,
  responses.downvoted_comments,
  cast(responses.replied_comments as {{ dbt.type_float() }})
    / nullif(responses.comments, 0) as response_rate,
  cast(responses.reacted_comments as {{ dbt.type_float() }})
    / nullif(responses.comments, 0) as reaction_rate
from reviews
full outer join responses
  on responses.workspace_id = reviews.workspace_id
  and responses.day = reviews.day
