// No key reaches stdout or stderr: every command is run with real (simulator) and wrong keys, with faults,
// and its output is searched for every secret and every substring of 8 or more characters of it. Known
// public key prefixes (sk-admin-, sk-codex-analytics-, …) are not secret, so only substrings that include
// at least one character of a key's random part count.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo } from '../../src/demo/index.js';
import { ofType, runConnector } from '../helpers/protocol.js';
import { harness, type Harness } from '../helpers/sim.js';

const PUBLIC_PREFIX = /^(sk-admin-|sk-proj-|sk-codex-[a-z]+-|sk-)/;
const WRONG = {
  analytics: 'sk-wrongkey-A1b2C3d4E5f6G7h8',
  admin: 'sk-admin-WRONG9z8y7x6w5v4u3',
  salt: 'pepper-Salt-77aa88bb99cc',
};

function leaks(text: string, secrets: string[]): string[] {
  const found: string[] = [];
  for (const secret of secrets) {
    const prefix = PUBLIC_PREFIX.exec(secret)?.[0].length ?? 0;
    for (let start = 0; start + 8 <= secret.length; start++) {
      for (let end = Math.max(start + 8, prefix + 1); end <= secret.length; end++) {
        const piece = secret.slice(start, end);
        if (text.includes(piece)) found.push(piece);
      }
    }
  }
  return found;
}

let h: Harness;
let secrets: string[];
beforeAll(async () => {
  h = await harness({ users: 8, days: 5, tasks: 10 });
  secrets = [
    h.sim.keys.analytics,
    h.sim.keys.compliance,
    h.sim.keys.admin,
    h.sim.keys.nonAdmin,
    ...Object.values(WRONG),
  ];
});
afterAll(async () => h.close());

describe('secrets never reach stdout or stderr', () => {
  it('finds a planted secret (the search is not vacuous)', () => {
    expect(leaks(`log: ${h.sim.keys.admin.slice(3, 14)}`, secrets).length).toBeGreaterThan(0);
  });

  it('spec, discover and check with good keys', async () => {
    const config = h.write('c.json', h.config({ email_handling: 'hash', hash_salt: WRONG.salt }));
    for (const args of [['spec'], ['discover', '--config', config], ['check', '--config', config]]) {
      const run = await runConnector(args);
      expect(run.code, args[0]).toBe(0);
      expect(leaks(run.stdout + run.stderr, secrets), args[0]).toEqual([]);
    }
  });

  it('check with wrong and non-admin keys', async () => {
    const config = h.write(
      'c.json',
      h.config({ analytics_api_key: WRONG.analytics, admin_api_key: h.sim.keys.nonAdmin }),
    );
    const run = await runConnector(['check', '--config', config]);
    expect(JSON.stringify(run.messages)).toMatch(/FAILED/);
    expect(leaks(run.stdout + run.stderr, secrets)).toEqual([]);
    const wrongAdmin = await runConnector([
      'check',
      '--config',
      h.write('c.json', h.config({ admin_api_key: WRONG.admin })),
    ]);
    expect(leaks(wrongAdmin.stdout + wrongAdmin.stderr, secrets)).toEqual([]);
  });

  it('read of every stream, with retried faults and a key revoked mid-sync', async () => {
    const discovered = await runConnector(['discover', '--config', h.write('c.json', h.config())]);
    const names = (
      ofType(discovered.messages, 'CATALOG')[0]?.catalog as { streams: { name: string }[] }
    ).streams.map((s) => s.name);
    h.sim.faults.add({ kind: 'status', route: '*', status: 503, times: 3 });
    h.sim.faults.add({ kind: 'revoke_key', route: 'code_reviews', after: 0 });
    const run = await h.read(names, {
      mode: 'full_refresh',
      config: h.config({ start_date: new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10) }),
    });
    h.sim.faults.clear();
    expect(run.code).not.toBe(0);
    expect(ofType(run.messages, 'RECORD').length).toBeGreaterThan(0);
    expect(leaks(run.stdout + run.stderr, secrets)).toEqual([]);
  });

  it('the demo', async () => {
    const lines: string[] = [];
    const code = await runDemo({
      dir: mkdtempSync(join(tmpdir(), 'codex-demo-secrets-')),
      print: (l) => lines.push(l),
      simulator: { users: 6, days: 5, seed: 42 },
    });
    expect(code).toBe(0);
    const demoSecrets = [h.sim.keys.analytics, h.sim.keys.compliance, h.sim.keys.admin];
    expect(leaks(lines.join('\n'), demoSecrets)).toEqual([]);
  }, 180_000);
});
