{#- Daily active Codex users per workspace: users with a usage row that day (the API lists only users who
    used Codex). The share needs the compliance_users stream; without it, workspace_users and active_share
    are null, never a guess. The share divides by today's roster of active users for every day. -#}
with active as (
  select workspace_id, day, count(distinct user_id) as active_users
  from {{ ref('stg_codex_usage') }}
  where user_id is not null
  group by workspace_id, day
),

roster as (
  {{ codex_workspace_roster() }}
)

select
  active.workspace_id,
  active.day,
  active.active_users,
  roster.workspace_users,
  cast(active.active_users as {{ dbt.type_float() }})
    / nullif(roster.workspace_users, 0) as active_share
from active
left join roster on roster.workspace_id = active.workspace_id
