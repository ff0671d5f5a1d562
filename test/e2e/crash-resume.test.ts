// Crash-resume: kill the connector with SIGKILL at random points of a multi-stream sync (a different seed
// each time), rerun from the last STATE it emitted until a run completes; the union of all records,
// deduplicated by primary key, must equal the records of one uninterrupted sync.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIN, ofType, runConnector } from '../helpers/protocol.js';
import { harness, todayPlus, type Harness, type Json } from '../helpers/sim.js';

const KILL_POINTS = 20;
let h: Harness;
let configPath: string;
let catalogPath: string;
let keyOf: Map<string, string[]>;
let reference: Set<string>;
let totalLines = 0;

interface Outcome {
  keys: Set<string>;
  states: Map<string, unknown>;
  completed: boolean;
}

/** Runs read, SIGKILLs it after `killAfter` stdout lines (if given), and keeps what a platform would keep. */
function readUntil(state: unknown[] | undefined, killAfter?: number): Promise<Outcome & { lines: number }> {
  const args = ['read', '--config', configPath, '--catalog', catalogPath];
  if (state !== undefined) args.push('--state', h.write('state.json', state));
  const child = spawn(process.execPath, [MAIN, ...args], {
    env: { ...process.env, SOURCE_OPENAI_CODEX_RETRY_BASE_MS: '10' },
  });
  const out: Outcome & { lines: number } = { keys: new Set(), states: new Map(), completed: false, lines: 0 };
  const lines = createInterface({ input: child.stdout });
  lines.on('line', (line) => {
    if (killAfter !== undefined && out.lines >= killAfter) return;
    out.lines++;
    const m = JSON.parse(line) as Json;
    if (m.type === 'RECORD') {
      const r = m.record as { stream: string; data: Json };
      out.keys.add(`${r.stream}|${(keyOf.get(r.stream) ?? ['id']).map((f) => String(r.data[f])).join('|')}`);
    } else if (m.type === 'STATE') {
      const s = (m.state as { stream: { stream_descriptor: { name: string } } }).stream;
      out.states.set(s.stream_descriptor.name, { type: 'STREAM', stream: s });
    }
    if (killAfter !== undefined && out.lines >= killAfter) child.kill('SIGKILL');
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ ...out, completed: code === 0 })));
}

function mulberry(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

beforeAll(async () => {
  h = await harness({
    users: 6,
    days: 6,
    logFilesPerDay: 2,
    eventsPerFile: 8,
    tasks: 12,
    auditEvents: 40,
    orgUsers: 5,
    projects: 3,
    rateLimitPerMinute: 100_000,
  });
  configPath = h.write(
    'config.json',
    h.config({ start_date: todayPlus(-3), page_size: 20, lookback_days: 1 }),
  );
  const discovered = await runConnector(['discover', '--config', configPath]);
  const streams = (ofType(discovered.messages, 'CATALOG')[0]?.catalog as { streams: Json[] }).streams;
  keyOf = new Map(
    streams.map((s) => [
      String(s.name),
      (s.source_defined_primary_key as string[][]).map((path) => String(path[0])),
    ]),
  );
  const catalog = streams.map((s) => ({
    stream: s,
    sync_mode: (s.supported_sync_modes as string[]).includes('incremental') ? 'incremental' : 'full_refresh',
    destination_sync_mode: 'append',
  }));
  catalogPath = h.write('catalog.json', { streams: catalog });
  const full = await readUntil(undefined);
  expect(full.completed).toBe(true);
  reference = full.keys;
  totalLines = full.lines;
}, 120_000);
afterAll(async () => h.close());

describe('crash-resume', () => {
  it(`given SIGKILL at ${KILL_POINTS} random points, resuming from the last state loses no record`, async () => {
    expect(reference.size).toBeGreaterThan(100);
    const tried: number[] = [];
    for (let seed = 1; seed <= KILL_POINTS; seed++) {
      const killAt = 1 + Math.floor(mulberry(seed)() * (totalLines - 1));
      tried.push(killAt);
      const union = new Set<string>();
      let states = new Map<string, unknown>();
      let run = await readUntil(undefined, killAt);
      for (let attempt = 0; !run.completed; attempt++) {
        expect(attempt, `seed ${seed} never completed`).toBeLessThan(3);
        for (const k of run.keys) union.add(k);
        states = new Map([...states, ...run.states]);
        run = await readUntil([...states.values()]);
      }
      for (const k of run.keys) union.add(k);
      const missing = [...reference].filter((k) => !union.has(k));
      expect(missing.slice(0, 5), `seed ${seed}, killed after line ${killAt} of ${totalLines}`).toEqual([]);
      expect(
        [...union].filter((k) => !reference.has(k)).slice(0, 5),
        `seed ${seed}: records outside the data set`,
      ).toEqual([]);
    }
    console.log(
      `crash-resume: ${tried.length} kill points tried (lines ${tried.join(', ')} of ${totalLines})`,
    );
    expect(new Set(tried).size).toBeGreaterThan(KILL_POINTS / 2);
  }, 600_000);
});
