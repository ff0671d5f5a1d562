{#- OpenAI API cost (Admin API) per project, line item and day, in the currency the API reports. -#}
select
  day,
  project_id,
  line_item,
  currency,
  sum(amount) as amount,
  count(*) as cost_rows
from {{ ref('stg_openai_costs') }}
group by day, project_id, line_item, currency
