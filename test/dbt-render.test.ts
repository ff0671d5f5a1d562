// The dbt package as text: its sources name our streams, its models keep warehouse-specific SQL out (it lives
// in dispatched macros), and the renderer resolves ref/source/config/var and refuses what it does not know.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../src/report/dbt-project.js';
import { renderProject } from '../src/report/dbt-render.js';
import { buildOrder, defaultProjectDir } from '../src/report/dbt-run.js';
import { STREAMS } from '../src/streams.js';

const project = loadProject(defaultProjectDir());
const render = (adapterType?: string, existing: string[] = []) =>
  renderProject(project, { schema: 'main', existing: new Set(existing), adapterType, vars: {} });

describe('the dbt package', () => {
  it('declares sources that are our streams (compliance_users, being added, included)', () => {
    const tables = [...(project.sourceTables.get('codex') ?? [])];
    const known = new Set([...STREAMS.map((s) => s.name), 'compliance_users']);
    expect(tables.length).toBeGreaterThanOrEqual(9);
    expect(tables.filter((t) => !known.has(t))).toEqual([]);
  });

  it('keeps dialect-specific SQL out of the models: no ::, ->>, json_, try_cast, qualify, exclude', () => {
    const offending = project.models.filter((m) =>
      /::|->>|\bjson_\w+\(|\btry_cast\b|\bqualify\b|\bexclude\b|\bilike\b/i.test(
        m.text.replace(/\{#[\s\S]*?#\}/g, ''),
      ),
    );
    expect(offending.map((m) => m.name)).toEqual([]);
  });

  it('renders every model to plain SQL, in an order where each model follows the ones it refs', () => {
    const models = buildOrder(render());
    expect(models.length).toBe(project.models.length);
    for (const [i, m] of models.entries()) {
      expect(m.sql).not.toMatch(/\{\{|\{%|\}\}/);
      for (const ref of m.refs) expect(models.findIndex((x) => x.name === ref)).toBeLessThan(i);
    }
    expect(models.filter((m) => m.name.startsWith('stg_')).every((m) => m.materialized === 'view')).toBe(
      true,
    );
    expect(models.filter((m) => !m.name.startsWith('stg_')).every((m) => m.materialized === 'table')).toBe(
      true,
    );
  });

  it.each([
    ['duckdb', `(totals ->> 'credits')`],
    ['postgres', `(totals ->> 'credits')`],
    ['snowflake', `totals:"credits"::varchar`],
    ['bigquery', `json_value(totals, '$.credits')`],
  ])('given the %s adapter, then nested fields are read with its JSON syntax', (adapter, expected) => {
    const usage = render(adapter).find((m) => m.name === 'stg_codex_usage');
    expect(usage?.sql).toContain(expected);
  });

  it('given compliance_users exists, then the share reads it; given it does not, then an empty roster', () => {
    const daily = (existing: string[]) =>
      render(undefined, existing).find((m) => m.name === 'codex_active_users_daily')?.sql ?? '';
    expect(daily([])).not.toContain('"compliance_users"');
    expect(daily([])).toMatch(/where 1 = 0/);
    expect(daily(['main.compliance_users'])).toContain('"main"."compliance_users"');
  });

  it('given a model that refs nothing known, then rendering fails naming it', () => {
    const broken = {
      ...project,
      models: [{ name: 'x', folder: 'marts', text: "select * from {{ ref('nope') }}" }],
    };
    expect(() => renderProject(broken, { schema: 'main', existing: new Set() })).toThrow(/ref\('nope'\)/);
  });

  it('states its name, layout and the landing-time var in dbt_project.yml', () => {
    const text = readFileSync(join(defaultProjectDir(), 'dbt_project.yml'), 'utf8');
    expect(project.name).toBe('codex_analytics');
    expect(text).toMatch(/codex_loaded_at_column: _airbyte_extracted_at/);
  });
});
