// Singer messages: SCHEMA before any RECORD of its stream, RECORD with time_extracted, STATE carrying the
// bookmarks of every stream so far. Written through output/output.ts, so the same escaping and redaction apply.
import type { Row } from '../engine/types.js';
import type { Line as Message } from '../output/lines.js';
import type { LinePolicy, RecordFrame } from '../output/output.js';
import { loadSchema } from '../stream-schemas.js';
import { keyFields, type StreamDef } from '../stream-def.js';

export function schemaMessage(def: StreamDef, excluded: ReadonlySet<string>): Message {
  const message: Message = {
    type: 'SCHEMA',
    stream: def.name,
    schema: schemaWithout(loadSchema(def.name), excluded),
    key_properties: keyFields(def),
  };
  if (def.cursorField !== undefined) message.bookmark_properties = [def.cursorField];
  return message;
}

export function recordMessage(stream: string, record: Row, timeExtracted: string): Message {
  return { type: 'RECORD', stream, record, time_extracted: timeExtracted };
}

/** Singer's stdout carries data only (logs go to stderr, redacted there): nothing quotes outside text, and
 * nothing needs writing ahead of its batch. */
export const SINGER_LINES: LinePolicy = { quotesOutside: new Set(), immediate: new Set() };

/** RECORD messages of one stream; a row's own bytes go where recordMessage() puts `record`, unless fields are
 * deselected (the record is then a copy without them, serialized). */
export function singerRecords(
  stream: string,
  timeExtracted: string,
  excluded: ReadonlySet<string>,
): RecordFrame {
  return {
    message: (row) => recordMessage(stream, recordWithout(row, excluded), timeExtracted),
    around:
      excluded.size > 0
        ? undefined
        : {
            head: Buffer.from(`{"type":"RECORD","stream":${JSON.stringify(stream)},"record":`),
            tail: Buffer.from(`,"time_extracted":${JSON.stringify(timeExtracted)}}\n`),
          },
  };
}

export function stateMessage(bookmarks: Record<string, unknown>): Message {
  return { type: 'STATE', value: { bookmarks: { ...bookmarks } } };
}

/** A record without the deselected top-level fields (the same object when none are). */
export function recordWithout(record: Row, excluded: ReadonlySet<string>): Row {
  if (excluded.size === 0) return record;
  const out: Row = {};
  for (const [key, value] of Object.entries(record)) if (!excluded.has(key)) out[key] = value;
  return out;
}

function schemaWithout(schema: Row, excluded: ReadonlySet<string>): Row {
  if (excluded.size === 0) return schema;
  const properties = schema.properties as Row | undefined;
  const required = Array.isArray(schema.required) ? (schema.required as unknown[]) : undefined;
  return {
    ...schema,
    ...(properties === undefined ? {} : { properties: recordWithout(properties, excluded) }),
    ...(required === undefined ? {} : { required: required.filter((f) => !excluded.has(String(f))) }),
  };
}
