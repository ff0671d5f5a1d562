// The built connector against the simulator over loopback: the Compliance streams end to end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareInstants } from '../../src/logs/instants.js';
import { ofType, validateMessage } from '../helpers/protocol.js';
import { recordErrors } from '../helpers/records.js';
import { finalStates, harness, recordsOf, statuses, type Harness, type Json } from '../helpers/sim.js';
import { daysAgo, savedCursor, truthEvents, truthFiles, type RunResult } from './compliance-helpers.js';

const START = daysAgo(6);
const AFTER = `${START}T00:00:00Z`;
const LOGS = ['compliance_log_files', 'compliance_logs'];
/** What Python's str.splitlines() breaks on, as Airbyte's tests split stdout. */
// eslint-disable-next-line no-control-regex
const PY_LINE_BREAKS = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/;

let h: Harness;
/** The simulator's clock, moved forward to make new log files close between two syncs. */
let simNow = Date.now();
beforeAll(async () => {
  h = await harness({ rateLimitPerMinute: 100_000, now: () => simNow });
});
afterAll(async () => h.close());

const config = (over: Json = {}) =>
  h.config({
    start_date: START,
    max_requests_per_minute: 1000,
    analytics_api_key: undefined,
    admin_api_key: undefined,
    ...over,
  });

describe('compliance_log_files and compliance_logs', () => {
  let run: RunResult;
  beforeAll(async () => {
    h.sim.stats.reset();
    run = await h.read(LOGS, { config: config() });
  });

  it('exits 0 with valid protocol messages, STARTED → RUNNING → COMPLETE per stream', () => {
    expect(run.code).toBe(0);
    expect(run.messages.map(validateMessage).filter((e) => e.length > 0)).toEqual([]);
    for (const s of LOGS) expect(statuses(run, s)).toEqual(['STARTED', 'RUNNING', 'COMPLETE']);
  });

  it('lists every file after start_date, with workspace_id', () => {
    const files = truthFiles(h.sim, AFTER);
    expect(files.length).toBeGreaterThan(40);
    const got = recordsOf(run, 'compliance_log_files');
    expect(got.map((r) => `${String(r.workspace_id)}/${String(r.id)}`).sort()).toEqual(
      files.map((f) => `${f.workspace_id}/${f.id}`).sort(),
    );
  });

  it('emits every event of those files exactly once, each tagged with its file', () => {
    const files = truthFiles(h.sim, AFTER);
    const truth = truthEvents(h.sim, files);
    const got = recordsOf(run, 'compliance_logs');
    const ids = got.map((r) => String(r.event_id));
    expect(new Set(ids)).toEqual(new Set(truth.keys()));
    expect(ids.length).toBe(truth.size);
    const byId = new Map(files.map((f) => [f.id, f]));
    for (const r of got) {
      const file = byId.get(String(r.log_file_id));
      expect(file, String(r.log_file_id)).toBeDefined();
      expect(r.log_file_end_time).toBe(file?.end_time);
      expect(r.workspace_id).toBe(file?.workspace_id);
      expect(r.event_details).toEqual(truth.get(String(r.event_id))?.event_details);
    }
  });

  it('never sends the Authorization header to the file host, and downloads each file once', () => {
    expect(h.sim.stats.authorizationAtFileHost()).toBe(0);
    const downloads = h.sim.stats.requests.filter((r) => r.route === 'log_file');
    expect(downloads.length).toBe(truthFiles(h.sim, AFTER).length);
  });

  it('emits records that validate against their schemas, primary key and cursor never null', () => {
    for (const [stream, pk, cursor] of [
      ['compliance_log_files', 'id', 'end_time'],
      ['compliance_logs', 'event_id', 'log_file_end_time'],
    ] as const) {
      const records = recordsOf(run, stream);
      expect(records.flatMap((r) => recordErrors(stream, r)).slice(0, 5), stream).toEqual([]);
      expect(records.every((r) => typeof r[pk] === 'string' && typeof r[cursor] === 'string')).toBe(true);
    }
  });

  it('keeps state per workspace and event type, at the last file end_time, checkpointed per file', () => {
    const files = truthFiles(h.sim, AFTER);
    for (const ws of h.sim.workspaceIds) {
      for (const type of ['CODEX_LOG', 'CODEX_SECURITY_LOG']) {
        const last = files.filter((f) => f.workspace_id === ws && f.event_type === type).at(-1);
        const partition = { workspace_id: ws, event_type: type };
        expect(savedCursor(run, 'compliance_logs', partition, 'log_file_end_time')).toBe(last?.end_time);
        expect(savedCursor(run, 'compliance_log_files', partition, 'end_time')).toBe(last?.end_time);
      }
    }
    const logStates = ofType(run.messages, 'STATE').filter((m) =>
      JSON.stringify(m).includes('"compliance_logs"'),
    );
    expect(logStates.length).toBe(files.length + 1);
  });

  it('given the final state and 13 hours later, a second run emits exactly the files and events after the cursor', async () => {
    simNow += 13 * 3_600_000;
    const second = await h.read(LOGS, { config: config(), state: finalStates(run) });
    expect(second.code).toBe(0);
    const fresh = truthFiles(h.sim, AFTER).filter((f) => {
      const partition = { workspace_id: f.workspace_id, event_type: f.event_type };
      const cursor = savedCursor(run, 'compliance_log_files', partition, 'end_time') ?? '';
      return (compareInstants(f.end_time, cursor) ?? 0) > 0;
    });
    expect(fresh.length).toBeGreaterThanOrEqual(8);
    const files = recordsOf(second, 'compliance_log_files').map((r) => String(r.id));
    expect(files.sort()).toEqual(fresh.map((f) => f.id).sort());
    const events = recordsOf(second, 'compliance_logs');
    expect(new Set(events.map((r) => String(r.log_file_id)))).toEqual(new Set(fresh.map((f) => f.id)));
    expect(new Set(events.map((r) => String(r.event_id)))).toEqual(new Set(truthEvents(h.sim, fresh).keys()));
  });
});

describe('privacy on compliance events', () => {
  it('given content_handling hash and email_handling drop, then no raw prompt text and no email remains', async () => {
    const run = await h.read(['compliance_logs'], {
      config: config({
        start_date: daysAgo(2),
        content_handling: 'hash',
        email_handling: 'drop',
        hash_salt: 'pepper',
      }),
    });
    expect(run.code).toBe(0);
    const raw = new Set(
      [...truthEvents(h.sim, truthFiles(h.sim, `${daysAgo(2)}T00:00:00Z`)).values()].flatMap((e) => {
        const details = e.event_details as Json;
        return [details.prompt_text, details.response_text].filter((t) => typeof t === 'string');
      }),
    );
    expect(raw.size).toBeGreaterThan(0);
    const records = recordsOf(run, 'compliance_logs');
    const prompts = records
      .map((r) => (r.event_details as Json).prompt_text)
      .filter((t) => typeof t === 'string');
    expect(prompts.length).toBeGreaterThan(0);
    expect(prompts.every((p) => /^[0-9a-f]{64}$/.test(String(p)) && !raw.has(p))).toBe(true);
    expect(run.stdout).not.toMatch(/"user_email":"[^"]/);
    expect(records.some((r) => 'user_email' in (r.actor as Json))).toBe(true);
    expect(records.every((r) => typeof (r.actor as Json).user_email !== 'string')).toBe(true);
  });
});

describe('codex_tasks and codex_environments', () => {
  it('given a second run with state, then it emits only tasks updated at or after the saved cursor', async () => {
    const first = await h.read(['codex_tasks'], { config: config() });
    expect(first.code).toBe(0);
    const tasks = recordsOf(first, 'codex_tasks');
    expect(tasks.length).toBe(
      h.sim.workspaceIds.reduce((n, ws) => n + h.sim.truth.compliance.tasks(ws).length, 0),
    );
    expect(tasks.flatMap((r) => recordErrors('codex_tasks', r)).slice(0, 5)).toEqual([]);
    expect(
      tasks.every((r) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(String(r.updated_at))),
    ).toBe(true);
    const second = await h.read(['codex_tasks'], { config: config(), state: finalStates(first) });
    expect(second.code).toBe(0);
    const again = recordsOf(second, 'codex_tasks');
    expect(again.length).toBeLessThan(tasks.length);
    for (const r of again) {
      const cursor = savedCursor(first, 'codex_tasks', { workspace_id: r.workspace_id }, 'updated_at');
      expect(String(r.updated_at) >= String(cursor)).toBe(true);
    }
  });

  it('given titles with U+2028, then they arrive intact and every stdout line is one message', async () => {
    const run = await h.read(['codex_tasks'], { config: config() });
    const titles = recordsOf(run, 'codex_tasks').map((r) => String(r.title));
    const truth = h.sim.workspaceIds.flatMap((ws) =>
      h.sim.truth.compliance.tasks(ws).map((t) => String(t.title)),
    );
    expect(titles.some((t) => t.includes('\u2028'))).toBe(true);
    expect(new Set(titles)).toEqual(new Set(truth));
    const pyLines = run.stdout.split(PY_LINE_BREAKS).filter((l) => l !== '');
    expect(pyLines.length).toBe(run.messages.length);
  });

  it('given a full refresh of environments, then every environment arrives with workspace_id', async () => {
    const run = await h.read(['codex_environments'], { config: config(), mode: 'full_refresh' });
    expect(run.code).toBe(0);
    const envs = recordsOf(run, 'codex_environments');
    const truth = h.sim.workspaceIds.flatMap((ws) =>
      h.sim.truth.compliance.environments(ws).map((e) => `${ws}/${e.id}`),
    );
    expect(envs.map((e) => `${String(e.workspace_id)}/${String(e.id)}`).sort()).toEqual(truth.sort());
    expect(envs.flatMap((r) => recordErrors('codex_environments', r))).toEqual([]);
  });
});
