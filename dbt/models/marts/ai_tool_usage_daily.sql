{#- AI coding tool usage in a neutral shape other tools can feed (union your own rows in): one row per tool,
    day and user. For Codex: sessions are threads, interactions are turns, tokens are text tokens, and cost
    is the reported USD cost, else the API's estimate (cost_is_estimated). Credits are not carried over:
    they are not money. Null stays null: a day whose tokens were unavailable does not count as zero. -#}
select
  'openai_codex' as tool,
  day,
  user_id,
  sum(threads) as sessions,
  sum(turns) as interactions,
  sum(total_tokens) as tokens,
  sum(coalesce(cost_usd, estimated_cost_usd)) as cost_usd,
  sum(case when cost_usd is null and estimated_cost_usd is not null then 1 else 0 end) > 0
    as cost_is_estimated
from {{ ref('stg_codex_usage') }}
where user_id is not null
group by day, user_id
