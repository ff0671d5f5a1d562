{#- One field of an object column (an API object the destination landed whole), as text, then typed.
    Airbyte lands a nested object as JSON on DuckDB, jsonb on Postgres, VARIANT on Snowflake and JSON on
    BigQuery; dbt's cross-database macros have no JSON accessor, so this is the one place where the SQL
    differs per warehouse (adapter.dispatch picks <adapter>__codex_json_text, else the default). -#}
{% macro codex_json_text(column, key) -%}
{{ adapter.dispatch('codex_json_text', 'codex_analytics')(column, key) }}
{%- endmacro %}

{#- DuckDB and Postgres: ->> returns text (DuckDB's JSON type and Postgres' json/jsonb alike). -#}
{% macro default__codex_json_text(column, key) -%}
({{ column }} ->> '{{ key }}')
{%- endmacro %}

{% macro snowflake__codex_json_text(column, key) -%}
{{ column }}:"{{ key }}"::varchar
{%- endmacro %}

{% macro bigquery__codex_json_text(column, key) -%}
json_value({{ column }}, '$.{{ key }}')
{%- endmacro %}

{#- A number from an object column; a missing key or JSON null stays NULL ("unavailable", never zero). -#}
{% macro codex_json_float(column, key) -%}
{{ dbt.safe_cast(codex_json_text(column, key), dbt.type_float()) }}
{%- endmacro %}

{% macro codex_json_bigint(column, key) -%}
{{ dbt.safe_cast(codex_json_text(column, key), dbt.type_bigint()) }}
{%- endmacro %}
