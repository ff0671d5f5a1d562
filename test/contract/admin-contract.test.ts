// The Admin streams against OpenAI's published OpenAPI document (vendored in test/fixtures/openai-openapi/),
// not against our own assumptions: the built connector reads every Admin stream from the simulator (full
// refresh, then incremental from the saved state), every request it sent is checked against the spec's
// operation, every response the simulator gave to those requests against the spec's response schema, and
// every stream schema against the spec's row schema.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestRecord } from '../../src/simulator/index.js';
import { STREAMS } from '../../src/streams.js';
import { finalStates, harness, todayPlus, type Harness } from '../helpers/sim.js';
import { undeclaredProperties } from './coverage.js';
import { errorsOf, loadSpec, responseSchema, templateFor, validatorFor } from './openapi.js';
import { requestProblems } from './requests.js';

const spec = loadSpec();
const ADMIN = STREAMS.filter((s) => s.family === 'admin');
const T0 = Date.now();
let h: Harness;
let sent: RequestRecord[] = [];

const templateOf = (path: string) => templateFor(spec, path);
const streamTemplate = (path: string) => `/organization${path}`;

async function bodyOf(r: RequestRecord): Promise<unknown> {
  const url = new URL(`${h.sim.origins.admin}${r.path}`);
  for (const [k, v] of Object.entries(r.query)) for (const x of [v].flat()) url.searchParams.append(k, x);
  const res = await fetch(url, { headers: { authorization: `Bearer ${h.sim.keys.admin}` } });
  expect(res.status, `${url.pathname}${url.search}`).toBe(200);
  return res.json();
}

beforeAll(async () => {
  h = await harness({ now: () => T0, auditEvents: 150, projects: 3, rateLimitPerMinute: 100_000 });
  const config = h.config({
    workspace_ids: undefined,
    analytics_api_key: undefined,
    compliance_api_key: undefined,
    start_date: todayPlus(-12),
  });
  // Full refresh of everything, then the incremental streams twice: a first sync, and one from its state.
  const incremental = ADMIN.filter((s) => s.cursorField !== undefined).map((s) => s.name);
  const runs = [
    await h.read(
      ADMIN.map((s) => s.name),
      { config, mode: 'full_refresh' },
    ),
  ];
  runs.push(await h.read(incremental, { config }));
  runs.push(await h.read(incremental, { config, state: finalStates(runs[1]!) }));
  // And the usage streams at the finest bucket width, whose page limit differs.
  const usage = ADMIN.filter((s) => s.sync === 'usage_buckets').map((s) => s.name);
  const perMinute = { ...config, admin_bucket_width: '1m', start_date: todayPlus(-1) };
  runs.push(await h.read(usage, { config: perMinute, mode: 'full_refresh' }));
  for (const run of runs) expect(run.code, run.stderr).toBe(0);
  sent = h.sim.stats.requests.filter((r) => r.host === 'admin');
}, 120_000);
afterAll(async () => h.close());

describe('Admin requests against the OpenAPI document', () => {
  it('every request the connector sent is a GET the spec allows, each query parameter and value included', () => {
    expect(sent.length).toBeGreaterThan(ADMIN.length);
    expect(sent.some((r) => r.query.bucket_width === '1m')).toBe(true);
    const problems = sent.flatMap((r) => requestProblems(spec, r));
    expect([...new Set(problems)]).toEqual([]);
  });
});

describe.each(ADMIN)('$name against the OpenAPI document', (def) => {
  const template = streamTemplate(def.path);
  const mine = () => sent.filter((r) => templateOf(r.path) === template);

  it('names a published row schema, and its endpoint is in the spec', () => {
    expect(def.specSchema && spec.components.schemas[def.specSchema], def.name).toBeTruthy();
    expect(spec.paths[template]?.get, template).toBeDefined();
  });

  it("is in the docs page's Admin permissions table with its endpoint", () => {
    const page = readFileSync('docs/integrations/sources/openai-codex.md', 'utf8');
    const table = page.slice(
      page.indexOf('## Admin API permissions'),
      page.indexOf('## Compliance delivery'),
    );
    const row = table.split('\n').find((line) => line.includes(`\`${def.name}\``)) ?? '';
    const endpoint = def.path.startsWith('/usage/') ? '/usage/<kind>' : def.path.replace(/\{\w+\}/g, '{id}');
    expect(row, def.name).toContain(`\`${endpoint}`);
  });

  it('was read: the connector requested its operation', () => {
    expect(mine().length).toBeGreaterThan(0);
  });

  it("every simulator response to the connector's requests validates against the spec's response schema", async () => {
    const op = spec.paths[template]?.get;
    const schema = op && responseSchema(op);
    expect(schema).toBeDefined();
    const validate = validatorFor(spec, `${template} 200`, schema ?? {});
    const problems: string[] = [];
    for (const r of mine().slice(0, 40)) problems.push(...errorsOf(validate, await bodyOf(r), r.path));
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it("its JSON schema declares every property of the spec's row schema, or the exclusion list names it", () => {
    const schema = JSON.parse(readFileSync(`schemas/${def.name}.json`, 'utf8')) as object;
    expect(undeclaredProperties(spec, def.specSchema ?? '', schema)).toEqual([]);
  });
});
