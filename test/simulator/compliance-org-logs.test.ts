// The organization-scope Compliance logs over real HTTP: COSTS files listed and downloaded like a
// workspace's (307 to a signed URL, sha256 of the bytes), an unknown organization 404, other types 422.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import type { LogFileEntry } from '../../src/simulator/compliance.js';

const NOW = Date.parse('2026-07-16T03:00:00Z');
let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ now: () => NOW, eventsPerFile: 6 });
});
afterAll(async () => sim.close());

const auth = () => ({ authorization: `Bearer ${sim.keys.compliance}` });
const orgUrl = (org: string, rest: string) => `${sim.apiBaseUrl}/compliance/organizations/${org}${rest}`;

describe('GET /compliance/organizations/{org}/logs', () => {
  it('lists COSTS files, and each downloads through a signed URL whose bytes match file_sha256', async () => {
    const res = await fetch(orgUrl(sim.organizationId, '/logs?event_type=COSTS&after=2026-07-15T00:00:00Z'), {
      headers: auth(),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: LogFileEntry[]; has_more: boolean };
    expect(body.data.length).toBeGreaterThan(2);
    const file = body.data[0] as LogFileEntry;
    expect(file.event_type).toBe('COSTS');
    const redirect = await fetch(orgUrl(sim.organizationId, `/logs/${file.id}`), {
      headers: auth(),
      redirect: 'manual',
    });
    expect(redirect.status).toBe(307);
    const bytes = Buffer.from(await (await fetch(redirect.headers.get('location') ?? '')).arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.file_sha256);
    const event = JSON.parse(bytes.toString('utf8').split('\n')[0] ?? '') as Record<string, unknown>;
    expect(Object.keys(event)).toEqual(
      expect.arrayContaining(['event_id', 'day', 'hour', 'identity', 'product', 'measures']),
    );
    const billing = (event.measures as { billing: { cost: { unit: string } }[] }).billing;
    expect(billing.map((b) => b.cost.unit)).toContain('CREDITS');
  });

  it('answers 404 for another organization and 422 for a workspace event type', async () => {
    const q = '/logs?event_type=COSTS&after=2026-07-15T00:00:00Z';
    expect((await fetch(orgUrl('org-unknown', q), { headers: auth() })).status).toBe(404);
    const wrongType = '/logs?event_type=CODEX_LOG&after=2026-07-15T00:00:00Z';
    expect((await fetch(orgUrl(sim.organizationId, wrongType), { headers: auth() })).status).toBe(422);
  });
});
