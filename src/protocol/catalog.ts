// DISCOVER builds the catalog from the stream table; READ's configured catalog is validated here, accepting
// `null` wherever a field is optional (Airbyte's acceptance tests write every optional field as null).
import { z } from 'zod';
import { configError } from '../engine/errors.js';
import { formatIssues } from '../config/load.js';
import { keyFields, type StreamDef } from '../stream-def.js';
import { loadSchema } from '../stream-schemas.js';

export type SyncMode = 'full_refresh' | 'incremental';

export function airbyteStream(def: StreamDef): Record<string, unknown> {
  const incremental = def.cursorField !== undefined;
  return {
    name: def.name,
    json_schema: loadSchema(def.name),
    supported_sync_modes: incremental ? ['full_refresh', 'incremental'] : ['full_refresh'],
    source_defined_cursor: incremental,
    default_cursor_field: incremental ? [def.cursorField] : [],
    source_defined_primary_key: keyFields(def).map((field) => [field]),
    is_resumable: incremental,
  };
}

export function catalogMessage(defs: readonly StreamDef[]): {
  type: 'CATALOG';
  catalog: { streams: unknown[] };
} {
  return { type: 'CATALOG', catalog: { streams: defs.map(airbyteStream) } };
}

const configuredStream = z.looseObject({
  stream: z.looseObject({ name: z.string().min(1, 'must name a stream') }),
  sync_mode: z.string(),
  destination_sync_mode: z.string().nullish(),
  cursor_field: z.array(z.string()).nullish(),
  primary_key: z.array(z.array(z.string())).nullish(),
});
const configuredCatalog = z.looseObject({ streams: z.array(configuredStream) });

export interface ConfiguredStream {
  def: StreamDef;
  syncMode: SyncMode;
}

export function parseConfiguredCatalog(raw: unknown, available: readonly StreamDef[]): ConfiguredStream[] {
  const parsed = configuredCatalog.safeParse(raw);
  if (!parsed.success) {
    throw configError(
      'CATALOG_INVALID',
      `Invalid catalog: ${formatIssues(parsed.error.issues)}. Use the output of \`discover\` to build it.`,
    );
  }
  const problems: string[] = [];
  const out: ConfiguredStream[] = [];
  const seen = new Set<string>();
  for (const entry of parsed.data.streams) {
    // Read twice, a stream would emit its records twice and two states racing for one cursor.
    if (seen.has(entry.stream.name)) {
      problems.push(`stream \`${entry.stream.name}\` is listed more than once; list each stream once`);
      continue;
    }
    seen.add(entry.stream.name);
    const def = available.find((d) => d.name === entry.stream.name);
    if (def === undefined) {
      problems.push(
        `stream \`${entry.stream.name}\` is unknown or not readable with the configured keys (available: ${available.map((d) => d.name).join(', ')})`,
      );
      continue;
    }
    if (entry.sync_mode !== 'full_refresh' && entry.sync_mode !== 'incremental') {
      problems.push(
        `stream \`${def.name}\` has sync_mode \`${entry.sync_mode}\`; use full_refresh or incremental`,
      );
      continue;
    }
    if (entry.sync_mode === 'incremental' && def.cursorField === undefined) {
      problems.push(`stream \`${def.name}\` supports only full_refresh`);
      continue;
    }
    out.push({ def, syncMode: entry.sync_mode });
  }
  if (problems.length > 0) throw configError('CATALOG_INVALID', `Invalid catalog: ${problems.join('; ')}.`);
  return out;
}
