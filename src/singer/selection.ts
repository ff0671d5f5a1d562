// The --catalog / --properties file: which streams to sync, how, and which fields to leave out. Selection is
// read as Meltano writes it (metadata breadcrumb [] `selected`), else the legacy top-level or schema `selected`,
// else `selected-by-default`. The method is `replication-method`, else `replication_method`, else the default.
import { z } from 'zod';
import { formatIssues } from '../config/load.js';
import { configError } from '../engine/errors.js';
import type { StreamDef } from '../stream-def.js';
import { automaticFields, defaultMethod } from './catalog.js';

export interface SelectedStream {
  def: StreamDef;
  incremental: boolean;
  /** Top-level fields deselected in the catalog; never the key or the cursor. */
  excluded: ReadonlySet<string>;
}

const metadataEntry = z.looseObject({
  breadcrumb: z.array(z.string()),
  metadata: z.record(z.string(), z.unknown()),
});
const catalogEntry = z.looseObject({
  tap_stream_id: z.string().min(1).nullish(),
  stream: z.string().min(1).nullish(),
  selected: z.boolean().nullish(),
  replication_method: z.string().nullish(),
  replication_key: z.string().nullish(),
  schema: z.looseObject({ selected: z.boolean().nullish() }).nullish(),
  metadata: z.array(metadataEntry).nullish(),
});
const singerCatalogSchema = z.looseObject({ streams: z.array(catalogEntry) });
type CatalogEntry = z.infer<typeof catalogEntry>;

/** Without --catalog: the streams discover marks selected, each with its default method. */
export function defaultSelection(available: readonly StreamDef[]): SelectedStream[] {
  return available
    .filter((def) => def.suggested)
    .map((def) => ({ def, incremental: defaultMethod(def) === 'INCREMENTAL', excluded: new Set<string>() }));
}

export function parseSingerCatalog(raw: unknown, available: readonly StreamDef[]): SelectedStream[] {
  const parsed = singerCatalogSchema.safeParse(raw);
  if (!parsed.success) {
    throw configError(
      'CATALOG_INVALID',
      `Invalid Singer catalog: ${formatIssues(parsed.error.issues)}. Start from the output of --discover.`,
    );
  }
  const problems: string[] = [];
  const selected: SelectedStream[] = [];
  for (const entry of parsed.data.streams) {
    const top = entry.metadata?.find((m) => m.breadcrumb.length === 0)?.metadata ?? {};
    if (!isSelected(entry, top)) continue;
    const result = resolve(entry, top, available);
    if (typeof result === 'string') problems.push(result);
    else selected.push(result);
  }
  if (problems.length > 0)
    throw configError('CATALOG_INVALID', `Invalid Singer catalog: ${problems.join('; ')}.`);
  return selected;
}

/** A selected entry as a stream to sync, or the problem with it. */
function resolve(
  entry: CatalogEntry,
  top: Record<string, unknown>,
  available: readonly StreamDef[],
): SelectedStream | string {
  const name = entry.tap_stream_id ?? entry.stream ?? '';
  const def = available.find((d) => d.name === name);
  if (def === undefined)
    return `stream \`${name}\` is selected but unknown or not readable with the configured keys (available: ${available.map((d) => d.name).join(', ')})`;
  return (
    methodProblem(def, entry, top) ?? {
      def,
      incremental: method(def, entry, top) === 'INCREMENTAL',
      excluded: excluded(def, entry),
    }
  );
}

function isSelected(entry: CatalogEntry, top: Record<string, unknown>): boolean {
  const flag = [top.selected, entry.selected, entry.schema?.selected].find((v) => typeof v === 'boolean');
  return flag ?? top['selected-by-default'] === true;
}

function method(def: StreamDef, entry: CatalogEntry, top: Record<string, unknown>): unknown {
  return top['replication-method'] ?? entry.replication_method ?? defaultMethod(def);
}

function methodProblem(
  def: StreamDef,
  entry: CatalogEntry,
  top: Record<string, unknown>,
): string | undefined {
  const chosen = method(def, entry, top);
  if (chosen !== 'INCREMENTAL' && chosen !== 'FULL_TABLE')
    return `stream \`${def.name}\` has replication method \`${String(chosen)}\`; use INCREMENTAL or FULL_TABLE`;
  if (chosen === 'FULL_TABLE') return undefined;
  if (def.cursorField === undefined) return `stream \`${def.name}\` supports only FULL_TABLE`;
  const key = top['replication-key'] ?? entry.replication_key;
  if (key !== undefined && key !== null && key !== def.cursorField)
    return `stream \`${def.name}\` has replication key \`${String(key)}\`; its only replication key is \`${def.cursorField}\``;
  return undefined;
}

function excluded(def: StreamDef, entry: CatalogEntry): Set<string> {
  const keep = automaticFields(def);
  const out = new Set<string>();
  for (const { breadcrumb, metadata } of entry.metadata ?? []) {
    const [kind, field] = breadcrumb;
    if (
      breadcrumb.length === 2 &&
      kind === 'properties' &&
      field !== undefined &&
      metadata.selected === false
    )
      if (!keep.includes(field)) out.add(field);
  }
  return out;
}
