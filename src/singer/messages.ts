// Singer messages: SCHEMA before any RECORD of its stream, RECORD with time_extracted, STATE carrying the
// bookmarks of every stream so far. Written through protocol/output.ts, so the same escaping and redaction apply.
import type { Row } from '../engine/types.js';
import type { Message } from '../protocol/messages.js';
import { loadSchema } from '../protocol/schemas.js';
import type { StreamDef } from '../stream-def.js';

export function schemaMessage(def: StreamDef, excluded: ReadonlySet<string>): Message {
  const message: Message = {
    type: 'SCHEMA',
    stream: def.name,
    schema: schemaWithout(loadSchema(def.name), excluded),
    key_properties: [def.primaryKey],
  };
  if (def.cursorField !== undefined) message.bookmark_properties = [def.cursorField];
  return message;
}

export function recordMessage(stream: string, record: Row, timeExtracted: string): Message {
  return { type: 'RECORD', stream, record, time_extracted: timeExtracted };
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
