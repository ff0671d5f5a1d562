// Property-based fuzzing of every parser at the edge: config, catalog, state, page envelopes and JSON text.
// Whatever comes in, the outcome is a valid result or a clean SourceError (a protocol error), never a crash.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toPage } from '../src/api/envelopes.js';
import { errorMessageFromBody, parseRetryAfter } from '../src/api/errors.js';
import { parseConfig, parseJsonText } from '../src/config/load.js';
import { SourceError } from '../src/engine/errors.js';
import { isRecognizedState } from '../src/engine/state.js';
import { parseConfiguredCatalog } from '../src/protocol/catalog.js';
import { escapeLineBreakerBytes } from '../src/output/lines.js';
import { parseState } from '../src/protocol/state.js';
import { STREAMS } from '../src/streams.js';

const RUNS = 2_000;

/** Runs fn; passes if it returns or throws a SourceError with a non-empty message. */
function cleanly(fn: () => unknown): boolean {
  try {
    fn();
    return true;
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    expect(error.message.length).toBeGreaterThan(0);
    expect(error.message).not.toMatch(/\n\s+at /);
    return true;
  }
}

const anyJson = fc.jsonValue({ maxDepth: 4 });
const configish = fc.record(
  {
    workspace_ids: fc.oneof(fc.array(fc.oneof(fc.uuid(), fc.string())), anyJson),
    analytics_api_key: fc.oneof(fc.string(), anyJson),
    admin_api_key: fc.oneof(fc.string({ minLength: 1 }), anyJson),
    start_date: fc.oneof(
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      fc.string(),
    ),
    lookback_days: fc.oneof(fc.integer({ min: -5, max: 40 }), fc.double(), anyJson),
    api_base_url: fc.oneof(fc.webUrl(), fc.string()),
    page_size: fc.oneof(fc.integer(), anyJson),
    email_handling: fc.constantFrom('keep', 'hash', 'drop', 'KEEP', ''),
  },
  { requiredKeys: [] },
);

describe('fuzzing the edges', () => {
  it('config: any JSON or config-shaped object parses or fails with a config_error', () => {
    fc.assert(
      fc.property(fc.oneof(anyJson, configish), (raw) => cleanly(() => parseConfig(raw))),
      { numRuns: RUNS },
    );
  });

  it('catalog: any JSON or catalog-shaped object parses or fails with a config_error', () => {
    const streamEntry = fc.record({
      stream: fc.oneof(
        fc.record({ name: fc.oneof(fc.constantFrom(...STREAMS.map((s) => s.name)), fc.string()) }),
        anyJson,
      ),
      sync_mode: fc.oneof(fc.constantFrom('full_refresh', 'incremental', 'INVALID'), anyJson),
      cursor_field: fc.oneof(fc.constant(null), anyJson),
    });
    const catalogish = fc.oneof(anyJson, fc.record({ streams: fc.oneof(fc.array(streamEntry), anyJson) }));
    fc.assert(
      fc.property(catalogish, (raw) => cleanly(() => parseConfiguredCatalog(raw, STREAMS))),
      { numRuns: RUNS },
    );
  });

  it('state: any JSON parses or fails cleanly, and recognised states are exactly the written shape', () => {
    const stateEntry = fc.record({
      type: fc.constantFrom('STREAM', 'GLOBAL', 'LEGACY'),
      stream: fc.record({ stream_descriptor: fc.record({ name: fc.string() }), stream_state: anyJson }),
    });
    fc.assert(
      fc.property(fc.oneof(anyJson, fc.array(stateEntry)), (raw) =>
        cleanly(() => {
          for (const value of parseState(raw).byStream.values()) isRecognizedState(value);
        }),
      ),
      { numRuns: RUNS },
    );
  });

  it('page envelopes: any JSON body becomes a page or a clean MALFORMED_ENVELOPE error', () => {
    const envelopeish = fc.record(
      {
        data: fc.oneof(fc.array(fc.dictionary(fc.string(), anyJson)), anyJson),
        has_more: fc.oneof(fc.boolean(), anyJson),
        next_page: fc.oneof(fc.string(), fc.constant(null), anyJson),
        last_id: fc.oneof(fc.string(), anyJson),
        cursor: fc.oneof(fc.string(), anyJson),
      },
      { requiredKeys: [] },
    );
    const styles = fc.constantFrom(
      'page',
      'after_end_time',
      'cursor',
      'cursor_or_last_id',
      'after_last_id',
      'after_next',
    ) as fc.Arbitrary<'page'>;
    fc.assert(
      fc.property(styles, fc.oneof(anyJson, envelopeish), (style, body) =>
        cleanly(() => toPage(style, body, 'GET /x')),
      ),
      { numRuns: RUNS },
    );
  });

  it('JSON text, error bodies and Retry-After: any string is decoded or rejected cleanly, and serialization stays one line', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        cleanly(() => parseJsonText(text, 'config'));
        expect(typeof errorMessageFromBody(text)).toBe('string');
        const wait = parseRetryAfter(text);
        expect(wait === undefined || (wait >= 0 && wait <= 300_000)).toBe(true);
        const json = JSON.stringify({ type: 'LOG', log: { level: 'INFO', message: text } });
        expect(escapeLineBreakerBytes(Buffer.from(json)).toString('utf8')).not.toMatch(
          /[\n\r\u2028\u2029\u0085]/,
        );
        return true;
      }),
      { numRuns: RUNS },
    );
  });
});
