// Fills the Admin stream schemas from the vendored OpenAPI document (npm run gen:admin-schemas): for every
// Admin row of the stream table that names a `specSchema`, each property of that published schema missing
// from schemas/<stream>.json is added, converted to the connector's schema rules (draft-07, nullable as
// ["null", T], no anyOf/$ref, Unix-seconds fields described as such, enums left open since they grow).
// Declarations already there are kept as written. A stream without a schema file gets one, with the fields
// the connector adds for its kind of row. The contract test then holds every schema to the spec.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { format, resolveConfig } from 'prettier';

const SPEC = JSON.parse(readFileSync('test/fixtures/openai-openapi/admin.json', 'utf8'));
const MAX_DEPTH = 4;

function deref(schema) {
  let s = schema;
  while (s?.$ref) s = SPEC.components.schemas[s.$ref.replace('#/components/schemas/', '')];
  return s ?? {};
}

/** The non-null alternatives of a schema, and whether null is one of them. */
function branches(schema) {
  const s = deref(schema);
  const alts = s.anyOf ?? s.oneOf;
  if (!alts) return { alts: [s], nullable: s.type === 'null' };
  const all = alts.map(deref);
  return { alts: all.filter((a) => a.type !== 'null'), nullable: all.some((a) => a.type === 'null') };
}

function firstSentence(text) {
  if (typeof text !== 'string') return undefined;
  const one = text
    .replace(/\s+/g, ' ')
    .trim()
    .split(/(?<=\.)\s/)[0];
  return one.length > 160 ? `${one.slice(0, 157)}...` : one;
}

/** One spec schema → a connector schema; every field nullable (the API omits or nulls what it lacks). */
export function convert(schema, depth = 0, description) {
  const { alts } = branches(schema);
  const s = alts[0] ?? {};
  const type = s.type ?? (s.properties ? 'object' : undefined);
  const text = firstSentence(description ?? s.description);
  if (type === undefined) return text ? { description: text } : {};
  const out = { type: ['null', type] };
  if (s.format === 'unixtime')
    out.description = text?.includes('Unix') ? text : `${text ?? ''} Unix seconds.`.trim();
  else if (text && depth <= 1) out.description = text;
  if (type === 'object') {
    out.additionalProperties = true;
    if (s.properties && depth < MAX_DEPTH) {
      out.properties = Object.fromEntries(
        Object.entries(s.properties).map(([k, v]) => [k, convert(v, depth + 1, v.description)]),
      );
    }
  }
  if (type === 'array') out.items = stripNull(convert(s.items ?? {}, depth + 1));
  return out;
}

function stripNull(schema) {
  if (Array.isArray(schema.type)) return { ...schema, type: schema.type.filter((t) => t !== 'null')[0] };
  return schema;
}

/** The fields the connector adds, per kind of row (see shapes/admin.ts). */
function addedFields(def) {
  const fields = {};
  if (def.cursorField === 'date') {
    fields.id = {
      type: 'string',
      description: 'date (or bucket start) plus the group-by dimensions, joined with ":".',
    };
    fields.date = {
      type: 'string',
      format: 'date',
      description: 'UTC day of the bucket, YYYY-MM-DD (the cursor).',
    };
    fields.start_time = { type: ['null', 'integer'], description: 'Bucket start, Unix seconds (inclusive).' };
    fields.end_time = { type: ['null', 'integer'], description: 'Bucket end, Unix seconds (exclusive).' };
  } else fields.id = { type: 'string' };
  for (const parent of parentKeys(def)) {
    fields[parent] = {
      type: 'string',
      description: 'Parent the row was listed under (added by the connector).',
    };
  }
  return fields;
}

/** Per-parent lists (a project's keys, a group's users) carry the parent's id, added by the connector. */
function parentKeys(def) {
  return { project: ['project_id'], group: ['group_id'] }[def.partitions] ?? [];
}

function newSchema(def) {
  const required = ['id', ...(def.cursorField ? [def.cursorField] : []), ...parentKeys(def)];
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    description: `${def.description.replace(/\.$/, '')} (GET /organization${def.path}).`,
    type: 'object',
    additionalProperties: true,
    required: [...new Set(required)],
    properties: addedFields(def),
  };
}

/** The stream table, and the one exclusion list the contract test also reads. */
async function loadTables() {
  const entry = 'node_modules/.cache/gen-admin-schemas/entry.mjs';
  mkdirSync('node_modules/.cache/gen-admin-schemas', { recursive: true });
  await build({
    stdin: {
      contents:
        "export { STREAMS } from './src/streams.ts'; export { ADMIN_EXCLUSIONS, isExcluded } from './test/contract/exclusions.ts';",
      resolveDir: '.',
      loader: 'ts',
    },
    outfile: entry,
    bundle: true,
    format: 'esm',
    platform: 'node',
    logLevel: 'warning',
  });
  return import(pathToFileURL(entry).href);
}

const { STREAMS, ADMIN_EXCLUSIONS, isExcluded } = await loadTables();
for (const def of STREAMS) {
  if (def.family !== 'admin' || !def.specSchema) continue;
  const file = `schemas/${def.name}.json`;
  const schema = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : newSchema(def);
  const published = branches(SPEC.components.schemas[def.specSchema]).alts[0]?.properties ?? {};
  const added = [];
  for (const [name, prop] of Object.entries(published)) {
    if (schema.properties[name] || isExcluded(SPEC, `${def.specSchema}.${name}`, ADMIN_EXCLUSIONS)) continue;
    schema.properties[name] = convert(prop, 1, prop.description);
    added.push(name);
  }
  const text = await format(JSON.stringify(schema, null, 2), {
    ...((await resolveConfig(file)) ?? {}),
    parser: 'json',
  });
  if (!existsSync(file) || added.length > 0) {
    writeFileSync(file, text);
    console.log(`${file}: ${added.length > 0 ? `added ${added.join(', ')}` : 'created'}`);
  }
}
