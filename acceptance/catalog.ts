// Configured catalogs built the way CAT builds them: from the discovered streams, with every optional field
// of the protocol written out as null (CAT's pydantic models serialise unset fields as null).
import { readFileSync } from 'node:fs';
import type { AirbyteStream, Json } from './messages.js';

/** Optional properties of ConfiguredAirbyteStream and AirbyteStream in airbyte_protocol.yaml (a test keeps
 * these lists equal to the protocol's). */
export const CONFIGURED_STREAM_OPTIONAL = [
  'cursor_field',
  'destination_object_name',
  'primary_key',
  'generation_id',
  'minimum_generation_id',
  'sync_id',
  'include_files',
] as const;
export const STREAM_OPTIONAL = [
  'source_defined_cursor',
  'default_cursor_field',
  'source_defined_primary_key',
  'namespace',
  'is_resumable',
  'is_file_based',
] as const;

export interface ConfiguredStream extends Json {
  stream: AirbyteStream;
  sync_mode: string;
  destination_sync_mode: string;
  cursor_field?: string[] | null;
}

export interface ConfiguredCatalog extends Json {
  streams: ConfiguredStream[];
}

const nulls = (keys: readonly string[]): Json => Object.fromEntries(keys.map((k) => [k, null]));

export function configured(stream: AirbyteStream, syncMode: string, extra: Json = {}): ConfiguredStream {
  return {
    ...nulls(CONFIGURED_STREAM_OPTIONAL),
    stream: { ...nulls(STREAM_OPTIONAL), ...stream },
    sync_mode: syncMode,
    destination_sync_mode: 'append',
    ...extra,
  };
}

/** basic_read under `high`: every discovered stream in its first supported sync mode. */
export function fromDiscovered(discovered: readonly AirbyteStream[]): ConfiguredCatalog {
  return { streams: discovered.map((s) => configured(s, s.supported_sync_modes?.[0] ?? 'full_refresh')) };
}

/** A configured_catalog_path file, each stream's definition replaced by the discovered one (CAT's way). */
export function fromFile(path: string, discovered: readonly AirbyteStream[]): ConfiguredCatalog {
  const file = JSON.parse(readFileSync(path, 'utf8')) as { streams?: ConfiguredStream[] };
  return {
    streams: (file.streams ?? []).map((entry) => {
      const stream = discovered.find((d) => d.name === entry.stream.name);
      if (stream === undefined) throw new Error(`${path}: stream \`${entry.stream.name}\` is not discovered`);
      return configured(stream, entry.sync_mode, {
        ...entry,
        stream: { ...nulls(STREAM_OPTIONAL), ...stream },
      });
    }),
  };
}

const supports = (s: ConfiguredStream, mode: string) => (s.stream.supported_sync_modes ?? []).includes(mode);

export function fullRefreshOnly(catalog: ConfiguredCatalog): ConfiguredCatalog {
  return {
    streams: catalog.streams
      .filter((s) => supports(s, 'full_refresh'))
      .map((s) => ({ ...s, sync_mode: 'full_refresh' })),
  };
}

/** Incremental streams in incremental mode, cursor_field defaulting to the source-defined one. */
export function incrementalOnly(catalog: ConfiguredCatalog): ConfiguredCatalog {
  return {
    streams: catalog.streams
      .filter((s) => supports(s, 'incremental'))
      .map((s) => ({
        ...s,
        sync_mode: 'incremental',
        cursor_field: s.cursor_field ?? s.stream.default_cursor_field ?? null,
      })),
  };
}

/** CAT's catalog for test_airbyte_trace_message_on_failure: an unknown stream with sync_mode INVALID. */
export const INVALID_CATALOG: Json = {
  streams: [
    {
      stream: {
        name: '__AIRBYTE__stream_that_does_not_exist',
        json_schema: { type: 'object', properties: { f1: { type: 'string' } } },
        supported_sync_modes: ['full_refresh'],
      },
      sync_mode: 'INVALID',
      destination_sync_mode: 'INVALID',
    },
  ],
};

export const names = (catalog: ConfiguredCatalog): string[] => catalog.streams.map((s) => s.stream.name);
