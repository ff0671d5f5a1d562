{#- The newest landed version of each primary key. In append (or append_dedup before typing and deduping)
    mode the APIs' restated days land again with the same id; the row landed last holds the current values. -#}
{% macro codex_latest(relation, key) -%}
select * from (
  select
    landed.*,
    row_number() over (
      partition by {{ key }}
      order by {{ var('codex_loaded_at_column') }} desc
    ) as _codex_version
  from {{ relation }} as landed
) as versions
where _codex_version = 1
{%- endmacro %}

{#- Users per workspace from the optional compliance_users stream (synced as full refresh; not every
    connection has it). A person in two workspaces has one user id, so a version is per workspace and id. Where it is absent the answer is an empty relation, so the marts that join it still
    build and report no share. load_relation is none while dbt parses, which is all parsing needs. -#}
{% macro codex_workspace_roster() -%}
{%- set users = load_relation(source('codex', 'compliance_users')) -%}
{%- if users -%}
select workspace_id, count(distinct id) as workspace_users
from ({{ codex_latest(users, 'workspace_id, id') }}) as roster_users
where coalesce(status, 'active') = 'active'
group by workspace_id
{%- else -%}
select
  cast(null as {{ dbt.type_string() }}) as workspace_id,
  cast(null as {{ dbt.type_bigint() }}) as workspace_users
from (select 1 as one) as no_roster
where 1 = 0
{%- endif -%}
{%- endmacro %}
