// Singer DISCOVER: the stream table as a Singer catalog, with the metadata Meltano reads to select streams and
// fields. The key's fields and at most one replication key per stream, exactly as the Airbyte catalog says.
import { loadSchema } from '../stream-schemas.js';
import { keyFields, type StreamDef } from '../stream-def.js';

export type ReplicationMethod = 'INCREMENTAL' | 'FULL_TABLE';

export interface MetadataEntry {
  breadcrumb: string[];
  metadata: Record<string, unknown>;
}

export interface SingerCatalogEntry {
  tap_stream_id: string;
  stream: string;
  schema: Record<string, unknown>;
  key_properties: string[];
  replication_key?: string;
  replication_method: ReplicationMethod;
  metadata: MetadataEntry[];
}

export function defaultMethod(def: StreamDef): ReplicationMethod {
  return def.cursorField === undefined ? 'FULL_TABLE' : 'INCREMENTAL';
}

/** The primary key and the cursor: always emitted, whatever the field selection says. */
export function automaticFields(def: StreamDef): string[] {
  return def.cursorField === undefined ? keyFields(def) : [...keyFields(def), def.cursorField];
}

export function schemaProperties(def: StreamDef): string[] {
  const properties = loadSchema(def.name).properties;
  return typeof properties === 'object' && properties !== null ? Object.keys(properties) : [];
}

function streamMetadata(def: StreamDef): Record<string, unknown> {
  const metadata: Record<string, unknown> = {
    inclusion: 'available',
    selected: def.suggested,
    'selected-by-default': def.suggested,
    'table-key-properties': keyFields(def),
  };
  if (def.cursorField === undefined) metadata['forced-replication-method'] = 'FULL_TABLE';
  else metadata['valid-replication-keys'] = [def.cursorField];
  return metadata;
}

export function singerEntry(def: StreamDef): SingerCatalogEntry {
  const automatic = automaticFields(def);
  const properties: MetadataEntry[] = schemaProperties(def).map((name) => ({
    breadcrumb: ['properties', name],
    metadata: { inclusion: automatic.includes(name) ? 'automatic' : 'available' },
  }));
  const entry: SingerCatalogEntry = {
    tap_stream_id: def.name,
    stream: def.name,
    schema: loadSchema(def.name),
    key_properties: keyFields(def),
    replication_method: defaultMethod(def),
    metadata: [{ breadcrumb: [], metadata: streamMetadata(def) }, ...properties],
  };
  if (def.cursorField !== undefined) entry.replication_key = def.cursorField;
  return entry;
}

export function singerCatalog(defs: readonly StreamDef[]): { streams: SingerCatalogEntry[] } {
  return { streams: defs.map(singerEntry) };
}
