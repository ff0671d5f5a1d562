{#- Weekly active Codex users per workspace: distinct users with a usage row in the week. Weeks start where
    the warehouse's date_trunc puts them (Monday on DuckDB, Postgres and Snowflake's default; Sunday on
    BigQuery). A weekly count is not the sum of daily counts: one person on five days is one weekly user. -#}
with active as (
  select
    workspace_id,
    cast({{ dbt.date_trunc('week', 'day') }} as date) as week_start,
    count(distinct user_id) as active_users,
    count(distinct day) as days_with_activity
  from {{ ref('stg_codex_usage') }}
  where user_id is not null
  group by workspace_id, cast({{ dbt.date_trunc('week', 'day') }} as date)
),

roster as (
  {{ codex_workspace_roster() }}
)

select
  active.workspace_id,
  active.week_start,
  active.active_users,
  active.days_with_activity,
  roster.workspace_users,
  cast(active.active_users as {{ dbt.type_float() }})
    / nullif(roster.workspace_users, 0) as active_share
from active
left join roster on roster.workspace_id = active.workspace_id
