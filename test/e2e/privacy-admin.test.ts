// email_handling on the Admin family, end to end: users, invites, audit logs (emails nested in actors and in
// event details) and project API keys (emails nested in owners).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashValue, isEmailField } from '../../src/transform/privacy.js';
import { harness, recordsOf, type Harness, type Json } from '../helpers/sim.js';

const STREAMS = [
  'organization_users',
  'organization_invites',
  'organization_audit_logs',
  'organization_project_api_keys',
];
const EMAIL = /[A-Za-z0-9._+-]+@[A-Za-z0-9.-]+\.[a-z]{2,}/;

let h: Harness;
const T0 = Date.now();
beforeAll(async () => {
  h = await harness({ now: () => T0, auditEvents: 200, projects: 3 });
});
afterAll(async () => h.close());

const adminOnly = (o: Json = {}) =>
  h.config({ workspace_ids: undefined, analytics_api_key: undefined, compliance_api_key: undefined, ...o });

/** Every value of a field named `email` or `*_email`, at any depth, with the stream it came from. */
function emailValues(node: unknown, out: unknown[] = []): unknown[] {
  if (Array.isArray(node)) for (const item of node) emailValues(item, out);
  else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (isEmailField(key)) out.push(value);
      else emailValues(value, out);
    }
  }
  return out;
}

async function read(config: Json) {
  const run = await h.read(STREAMS, { config, mode: 'full_refresh' });
  expect(run.code).toBe(0);
  return recordsOf(run);
}

describe('privacy on the Admin family', () => {
  it('given email_handling hash, every email at any depth is the salted hash, the same on a second sync', async () => {
    const plain = await read(adminOnly());
    const originals = emailValues(plain).filter((e): e is string => typeof e === 'string');
    // Not vacuous: emails sit at the top level and nested (actor, owner, invite details).
    expect(originals.length).toBeGreaterThan(10);
    expect(JSON.stringify(plain)).toMatch(EMAIL);

    const config = adminOnly({ email_handling: 'hash', hash_salt: 'org-salt' });
    const first = await read(config);
    const second = await read(config);
    const hashed = emailValues(first).filter((e) => e !== null);
    expect(hashed.length).toBe(originals.length);
    expect(new Set(hashed)).toEqual(new Set(originals.map((e) => hashValue('org-salt', e))));
    // Streams run side by side, so the order of records across streams may differ between syncs.
    const sorted = (values: unknown[]) => values.map(String).sort();
    expect(sorted(emailValues(second))).toEqual(sorted(emailValues(first)));
    expect(JSON.stringify(first)).not.toMatch(EMAIL);
  });

  it('given email_handling drop, every email field is null and no address survives anywhere', async () => {
    const records = await read(adminOnly({ email_handling: 'drop' }));
    const values = emailValues(records);
    expect(values.length).toBeGreaterThan(10);
    expect(values.every((v) => v === null)).toBe(true);
    expect(JSON.stringify(records)).not.toMatch(EMAIL);
  });
});
