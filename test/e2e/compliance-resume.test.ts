// A sync of compliance_logs killed in the middle (SIGKILL, no chance to clean up) and resumed from the
// last STATE it printed loses no event.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIN } from '../helpers/protocol.js';
import { harness, recordsOf, type Harness, type Json } from '../helpers/sim.js';
import { daysAgo, truthEvents, truthFiles } from './compliance-helpers.js';

const START = daysAgo(5);

let h: Harness;
beforeAll(async () => {
  // Latency on every request makes the sync slow enough to be caught in the middle.
  h = await harness({ rateLimitPerMinute: 100_000, latencyMs: 40 });
});
afterAll(async () => h.close());

interface Killed {
  messages: Json[];
  signal: NodeJS.Signals | null;
}

/** Runs a read and SIGKILLs it once `enough` says so; returns the complete lines it printed. */
function readUntil(args: string[], enough: (messages: Json[]) => boolean): Promise<Killed> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], {
      env: { ...process.env, SOURCE_OPENAI_CODEX_RETRY_BASE_MS: '20' },
    });
    const messages: Json[] = [];
    let pending = '';
    child.stdout.on('data', (d: Buffer) => {
      const lines = (pending + d.toString()).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line !== '') messages.push(JSON.parse(line) as Json);
      if (enough(messages)) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (_code, signal) => resolve({ messages, signal }));
  });
}

const isLogsState = (m: Json) => m.type === 'STATE' && JSON.stringify(m).includes('"compliance_logs"');

describe('compliance_logs resumed after SIGKILL', () => {
  it('given a sync killed mid-way, when rerun with its last STATE, then no event is lost', async () => {
    const config = h.config({
      start_date: START,
      max_requests_per_minute: 1000,
      analytics_api_key: undefined,
      admin_api_key: undefined,
    });
    const catalog = {
      streams: [
        { stream: { name: 'compliance_logs' }, sync_mode: 'incremental', destination_sync_mode: 'append' },
      ],
    };
    const args = [
      'read',
      '--config',
      h.write('config.json', config),
      '--catalog',
      h.write('catalog.json', catalog),
    ];
    const first = await readUntil(args, (ms) => ms.filter(isLogsState).length >= 6);
    expect(first.signal).toBe('SIGKILL');
    const records = first.messages
      .filter((m) => m.type === 'RECORD')
      .map((m) => (m.record as { data: Json }).data);
    expect(records.length).toBeGreaterThan(0);
    const last = first.messages.filter(isLogsState).at(-1)?.state as { stream: Json };
    const second = await h.read(['compliance_logs'], {
      config,
      state: [{ type: 'STREAM', stream: last.stream }],
    });
    expect(second.code).toBe(0);
    const seen = new Set([...records, ...recordsOf(second)].map((r) => String(r.event_id)));
    const truth = truthEvents(h.sim, truthFiles(h.sim, `${START}T00:00:00Z`));
    const lost = [...truth.keys()].filter((id) => !seen.has(id));
    expect(lost).toEqual([]);
    // The resumed run starts after the checkpoint, so it re-reads far less than everything.
    expect(recordsOf(second).length).toBeLessThan(truth.size);
  });
});
