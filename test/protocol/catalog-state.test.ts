import { describe, expect, it } from 'vitest';
import { catalogMessage, parseConfiguredCatalog } from '../../src/protocol/catalog.js';
import { parseState } from '../../src/protocol/state.js';
import { isRecognizedState } from '../../src/engine/state.js';
import { keyFields } from '../../src/stream-def.js';
import { STREAMS } from '../../src/streams.js';
import { validateMessage } from '../helpers/protocol.js';

describe('configured catalog', () => {
  it('accepts the explicit nulls Airbyte acceptance tests write for optional fields', () => {
    const raw = {
      streams: [
        {
          stream: {
            name: 'usage',
            json_schema: {},
            supported_sync_modes: ['full_refresh', 'incremental'],
            namespace: null,
            source_defined_cursor: null,
            default_cursor_field: null,
            source_defined_primary_key: null,
            is_resumable: null,
          },
          sync_mode: 'incremental',
          destination_sync_mode: 'append',
          cursor_field: null,
          primary_key: null,
          generation_id: null,
          minimum_generation_id: null,
          sync_id: null,
        },
      ],
    };
    expect(parseConfiguredCatalog(raw, STREAMS).map((s) => [s.def.name, s.syncMode])).toEqual([
      ['usage', 'incremental'],
    ]);
  });

  it('rejects an unknown stream and an invalid sync mode, naming both', () => {
    const raw = {
      streams: [
        { stream: { name: 'nope' }, sync_mode: 'full_refresh' },
        { stream: { name: 'usage' }, sync_mode: 'INVALID' },
      ],
    };
    expect(() => parseConfiguredCatalog(raw, STREAMS)).toThrow(
      /`nope` is unknown.*`usage` has sync_mode `INVALID`/,
    );
  });

  it('rejects a catalog that misses fields', () => {
    expect(() => parseConfiguredCatalog({ streams: [{ sync_mode: 'full_refresh' }] }, STREAMS)).toThrow(
      /Invalid catalog: `streams\[0\]\.stream`/,
    );
    expect(() => parseConfiguredCatalog({}, STREAMS)).toThrow(/Invalid catalog/);
  });

  it('discovers a catalog valid against the protocol, incremental streams listing full_refresh first', () => {
    const message = catalogMessage(STREAMS);
    expect(validateMessage(message)).toEqual([]);
    const streams = message.catalog.streams as Record<string, unknown>[];
    expect(streams.map((s) => s.name)).toEqual(STREAMS.map((d) => d.name));
    STREAMS.forEach((def, i) => {
      const stream = streams[i];
      expect(stream).toMatchObject({ source_defined_primary_key: keyFields(def).map((f) => [f]) });
      if (def.cursorField === undefined) {
        expect(stream).toMatchObject({ supported_sync_modes: ['full_refresh'], is_resumable: false });
        expect(stream?.default_cursor_field).toEqual([]);
      } else {
        expect(stream).toMatchObject({
          supported_sync_modes: ['full_refresh', 'incremental'],
          source_defined_cursor: true,
          is_resumable: true,
          default_cursor_field: [def.cursorField],
        });
      }
    });
  });
});

describe('state file', () => {
  it('reads an array of STREAM states, with or without sourceStats, ignoring what it cannot use', () => {
    const parsed = parseState([
      { type: 'STREAM', stream: { stream_descriptor: { name: 'usage' }, stream_state: { states: [] } } },
      {
        type: 'STREAM',
        stream: { stream_descriptor: { name: 'somewhere_else' }, stream_state: { x: 1 } },
        sourceStats: { recordCount: 2 },
      },
      { type: 'GLOBAL', global: {} },
    ]);
    expect([...parsed.byStream.keys()]).toEqual(['usage', 'somewhere_else']);
    expect(parsed.warnings).toHaveLength(1);
  });

  it('accepts an empty array', () => {
    expect(parseState([]).byStream.size).toBe(0);
  });

  it('rejects an object instead of an array with an actionable message', () => {
    expect(() => parseState({ usage: {} })).toThrow(/must be a JSON array of STATE messages/);
  });

  it('recognises only the shapes this connector writes', () => {
    expect(isRecognizedState({})).toBe(true);
    expect(
      isRecognizedState({ states: [{ partition: { workspace_id: 'w' }, cursor: { date: '2026-11-01' } }] }),
    ).toBe(true);
    expect(isRecognizedState({ date: '2026-11-01' })).toBe(false);
    expect(isRecognizedState({ states: 'yesterday' })).toBe(false);
    expect(isRecognizedState([])).toBe(false);
  });
});
