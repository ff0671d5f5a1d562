// The READ loop with streams that share a read: statuses, state and error traces stay per stream.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { MemberEvent } from '../../src/engine/sync-shared-windows.js';
import type { ConfiguredStream } from '../../src/protocol/catalog.js';
import { Output, Redactor } from '../../src/output/output.js';
import { AIRBYTE_LINES } from '../../src/protocol/messages.js';
import { readUnits, runRead, type SharedReads } from '../../src/protocol/read.js';
import { STREAMS } from '../../src/streams.js';

const defOf = (name: string) => {
  const def = STREAMS.find((s) => s.name === name);
  if (def === undefined) throw new Error(name);
  return def;
};
const configured = (name: string): ConfiguredStream =>
  ({ def: defOf(name), syncMode: 'incremental' }) as ConfiguredStream;

const state = { states: [{ partition: { workspace_id: 'w' }, cursor: { date: '2026-11-20' } }] };

async function read(names: string[], events: MemberEvent[], failAfter?: Error) {
  const sink = new PassThrough();
  let text = '';
  sink.on('data', (d: Buffer) => (text += d.toString()));
  const shared: SharedReads = {
    key: (def) => (def.path === '/usage' && def.query === undefined ? 'usage' : undefined),
    open: async function* () {
      yield* events;
      if (failAfter) throw failAfter;
    },
  };
  const failed = await runRead(names.map(configured), new Map(), {
    out: new Output(sink, new Redactor(), AIRBYTE_LINES),
    now: () => 1,
    open: async function* () {},
    shared,
  });
  const messages = text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, Record<string, unknown>>);
  const statuses = (name: string) =>
    messages
      .filter((m) => m.trace?.type === 'STREAM_STATUS')
      .map((m) => m.trace?.stream_status as { stream_descriptor: { name: string }; status: string })
      .filter((s) => s.stream_descriptor.name === name)
      .map((s) => s.status);
  const traced = (name: string) =>
    messages.filter(
      (m) =>
        m.trace?.type === 'ERROR' &&
        (m.trace.error as { stream_descriptor?: { name: string } }).stream_descriptor?.name === name,
    );
  return { failed, messages, statuses, traced };
}

describe('READ loop with a shared read', () => {
  it('gathers the streams that share a read where the first of them stands, others alone in order', () => {
    const units = readUnits(['code_reviews', 'usage', 'workspace_usage', 'usage_by_model'].map(configured), {
      key: (d) => (d.path === '/usage' && d.query === undefined ? 'u' : undefined),
      open: async function* () {},
    });
    expect(units.map((u) => u.map((s) => s.def.name))).toEqual([
      ['code_reviews'],
      ['usage', 'usage_by_model'],
      ['workspace_usage'],
    ]);
  });

  it('given one member fails, then it alone gets an error trace and INCOMPLETE; the others complete', async () => {
    const r = await read(
      ['usage', 'usage_by_client'],
      [
        { member: 0, event: { type: 'records', records: [{ row: { id: 'a', date: '2026-11-20' } }] } },
        { member: 1, error: new Error('cannot cut') },
        { member: 0, event: { type: 'state', state } },
      ],
    );
    expect(r.failed).toEqual(['usage_by_client']);
    expect(r.statuses('usage')).toEqual(['STARTED', 'RUNNING', 'COMPLETE']);
    expect(r.statuses('usage_by_client')).toEqual(['STARTED', 'RUNNING', 'INCOMPLETE']);
    expect(r.traced('usage_by_client')).toHaveLength(1);
    expect(r.traced('usage')).toHaveLength(0);
    const stateMsg = r.messages.find((m) => (m.type as unknown) === 'STATE');
    expect(stateMsg?.state).toMatchObject({
      stream: { stream_descriptor: { name: 'usage' } },
      sourceStats: { recordCount: 1 },
    });
  });

  it('given the read itself fails, then every member not yet ended gets its own trace and INCOMPLETE', async () => {
    const r = await read(
      ['usage', 'usage_by_client', 'usage_by_model'],
      [{ member: 2, error: new Error('first') }],
      new Error('network gone'),
    );
    expect(r.failed.sort()).toEqual(['usage', 'usage_by_client', 'usage_by_model']);
    for (const name of ['usage', 'usage_by_client', 'usage_by_model']) {
      expect(r.statuses(name), name).toEqual(['STARTED', 'RUNNING', 'INCOMPLETE']);
      expect(r.traced(name), name).toHaveLength(1);
    }
  });
});

describe('READ loop concurrency', () => {
  it('given a stream waiting on its route, then the next stream in the catalog runs meanwhile', async () => {
    let release: () => void = () => {};
    const released = new Promise<void>((r) => (release = r));
    const order: string[] = [];
    const sink = new PassThrough();
    sink.resume();
    const failed = await runRead(['code_reviews', 'workspace_usage'].map(configured), new Map(), {
      out: new Output(sink, new Redactor(), AIRBYTE_LINES),
      now: () => 1,
      open: async function* (def) {
        if (def.name === 'code_reviews') {
          await released; // as a budget wait would: only another stream can end it
          order.push('code_reviews');
        } else {
          order.push('workspace_usage');
          release();
        }
        yield { type: 'state', state: {} };
      },
    });
    expect(failed).toEqual([]);
    expect(order).toEqual(['workspace_usage', 'code_reviews']);
  });
});
