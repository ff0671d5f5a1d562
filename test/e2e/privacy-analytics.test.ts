// email_handling on the analytics family, end to end: the added `email` and the nested actor.email.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashValue } from '../../src/transform/privacy.js';
import { harness, recordsOf, todayPlus, type Harness, type Json } from '../helpers/sim.js';

let h: Harness;
beforeAll(async () => {
  h = await harness({ users: 25, days: 4 });
});
afterAll(async () => h.close());

const emailsOf = (rows: Json[]) =>
  rows
    .flatMap((r) => [r.email, (r.actor as Json | null)?.email])
    .filter((e): e is string => typeof e === 'string');

describe('privacy on the analytics family', () => {
  const base = () =>
    h.config({ start_date: todayPlus(-2), compliance_api_key: undefined, admin_api_key: undefined });

  it('given email_handling hash, every email is the salted hash, the same on a second sync', async () => {
    const config = { ...base(), email_handling: 'hash', hash_salt: 'team-salt' };
    const raw = h.sim.workspaceIds.flatMap((ws) =>
      h.sim.truth.analytics.usageRows(ws, todayPlus(-2), todayPlus(1)),
    );
    const plain = new Set(emailsOf(raw));
    expect(plain.size).toBeGreaterThan(3);
    const first = recordsOf(await h.read(['usage', 'usage_by_client'], { config, mode: 'full_refresh' }));
    const second = recordsOf(await h.read(['usage', 'usage_by_client'], { config, mode: 'full_refresh' }));
    const hashed = emailsOf(first);
    expect(hashed.length).toBeGreaterThan(0);
    expect(hashed.every((e) => /^[0-9a-f]{64}$/.test(e))).toBe(true);
    expect(new Set(hashed)).toEqual(new Set([...plain].map((e) => hashValue('team-salt', e))));
    // Streams run side by side, so the order of records across streams may differ between syncs.
    expect(emailsOf(second).sort()).toEqual([...hashed].sort());
  });

  it('given email_handling drop, no email survives anywhere in the records', async () => {
    const records = recordsOf(
      await h.read(['usage', 'usage_by_model'], {
        config: { ...base(), email_handling: 'drop' },
        mode: 'full_refresh',
      }),
    );
    expect(records.length).toBeGreaterThan(0);
    expect(JSON.stringify(records)).not.toMatch(/@[0-9a-f]{8}\.example\.com/);
    expect(emailsOf(records)).toEqual([]);
  });
});
