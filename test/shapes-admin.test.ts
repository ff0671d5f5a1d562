// Admin bucket shaping: one record per result, ids from the day and every dimension, never two alike.
import { describe, expect, it } from 'vitest';
import { SourceError } from '../src/engine/errors.js';
import {
  bucketResultId,
  idPart,
  shapeAuditEvent,
  shapeBuckets,
  shapeInvite,
  shapeProjectItem,
} from '../src/shapes/admin.js';
import { findStream } from '../src/streams.js';

const DIMS = ['project_id', 'user_id', 'api_key_id', 'model', 'batch', 'service_tier'];
const START = 1777593600; // 2026-05-01T00:00:00Z
const base = { project_id: 'proj_a', user_id: null, api_key_id: 'key_a', model: 'gpt-4o' };

/** Results of one day that differ pairwise in exactly one dimension (and a null against a value). */
const RESULTS = [
  { ...base, batch: false, service_tier: 'default', input_tokens: 1 },
  { ...base, batch: true, service_tier: 'default', input_tokens: 2 },
  { ...base, batch: false, service_tier: 'flex', input_tokens: 3 },
  { ...base, batch: null, service_tier: 'default', input_tokens: 4 },
  { ...base, user_id: 'user-b', batch: false, service_tier: 'default', input_tokens: 5 },
  { ...base, model: 'ft:gpt-4o:org::x', batch: false, service_tier: 'default', input_tokens: 6 },
];
const bucket = { object: 'bucket', start_time: START, end_time: START + 86_400, results: RESULTS };
const shape = shapeBuckets('organization_completions_usage', DIMS);

describe('shapeBuckets', () => {
  it('given results differing in one dimension only, then every record gets its own id', () => {
    const records = shape(bucket, {});
    expect(records).toHaveLength(RESULTS.length);
    expect(new Set(records.map((r) => r.id)).size).toBe(RESULTS.length);
  });

  it('builds the id from the date and every dimension in order, null as an empty part', () => {
    const [first] = shape(bucket, {});
    expect(first).toMatchObject({
      id: '2026-05-01:proj_a::key_a:gpt-4o:false:default',
      date: '2026-05-01',
      start_time: START,
      end_time: START + 86_400,
      input_tokens: 1,
    });
  });

  it('accepts the bucket array under `result` exactly as under `results`', () => {
    const { results, ...rest } = bucket;
    expect(shape({ ...rest, result: results }, {})).toEqual(shape(bucket, {}));
  });

  it('given a bucket with neither array, fails loudly instead of dropping its results', () => {
    const { results: _results, ...rest } = bucket;
    expect(() => shape(rest, {})).toThrow(SourceError);
  });

  it('yields nothing for an empty day', () => {
    expect(shape({ ...bucket, results: [] }, {})).toEqual([]);
  });
});

describe('composite ids', () => {
  it('escapes colons so values with colons (fine-tuned models) cannot shift into the next part', () => {
    const a = bucketResultId('2026-05-01', { model: 'ft:a', batch: 'b' }, ['model', 'batch']);
    const b = bucketResultId('2026-05-01', { model: 'ft', batch: 'a:b' }, ['model', 'batch']);
    expect(a).not.toBe(b);
    expect(idPart('100%:x')).toBe('100%25%3Ax');
  });

  it.each([
    ['organization_completions_usage', 6],
    ['organization_embeddings_usage', 4],
    ['organization_code_interpreter_sessions', 1],
    ['organization_costs', 3],
  ])('%s groups by, and keys on, all %i of its dimensions', (name, count) => {
    const def = findStream(name);
    const groupBy = def?.query?.['group_by'];
    expect(Array.isArray(groupBy) && groupBy.length).toBe(count);
    const result = Object.fromEntries((groupBy as string[]).map((d) => [d, `v_${d}`]));
    const [record] = def?.shape({ start_time: START, results: [result] }, {}) ?? [];
    expect(String(record?.id).split(':')).toHaveLength(count + 1);
  });
});

describe('list rows', () => {
  it('tags per-project items with the project they were listed under', () => {
    const shapeKeys = shapeProjectItem('organization_project_api_keys');
    expect(shapeKeys({ id: 'key_1', name: 'ci' }, { project_id: 'proj_9' })).toEqual([
      { id: 'key_1', name: 'ci', project_id: 'proj_9' },
    ]);
  });

  it('refuses an audit event without its key or cursor', () => {
    expect(() => shapeAuditEvent({ id: 'audit_log-1' })).toThrow(/effective_at/);
    expect(shapeAuditEvent({ id: 'audit_log-1', effective_at: 5 })).toHaveLength(1);
  });

  it("copies an audit event's details (the key named by its type) into `details`, null when there is none", () => {
    const event = { id: 'a', effective_at: 5, type: 'api_key.created', 'api_key.created': { id: 'key_1' } };
    const [record] = shapeAuditEvent(event);
    expect(record?.details).toEqual({ id: 'key_1' });
    expect(record?.details).not.toBe(event['api_key.created']);
    expect(shapeAuditEvent({ id: 'b', effective_at: 5, type: 'login.succeeded' })[0]?.details).toBeNull();
  });

  it("reads an invite's created_at, and takes invited_at from a response made before the rename", () => {
    expect(shapeInvite({ id: 'i1', created_at: 7, invited_at: 3 })[0]?.created_at).toBe(7);
    expect(shapeInvite({ id: 'i2', invited_at: 3 })[0]).toEqual({ id: 'i2', invited_at: 3, created_at: 3 });
    expect(shapeInvite({ id: 'i3' })[0]?.created_at).toBeNull();
  });
});
