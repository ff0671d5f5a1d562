// Vendors the Admin part of OpenAI's published OpenAPI document into test/fixtures/openai-openapi/admin.json:
// the `/organization/*` GET operations the stream table's Admin rows read, and every component schema they
// reference, transitively. Tests read the fixture, never the big document, so they do not depend on where it
// lives. Rerun on a newer openapi.yaml to refresh the fixture, then let `npm test` show what drifted:
//   node scripts/vendor-openapi.mjs [path/to/openapi.yaml] [--commit <sha>] [--date YYYY-MM-DD]
// Without --commit, the commit id is read from the README.md beside the document.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { format, resolveConfig } from 'prettier';
import { parse } from 'yaml';
import { loadStreamTable } from './stream-table.mjs';

/** Every Admin endpoint a stream of the stream table reads (GET only, never a write), as the spec names it. */
export async function adminPaths() {
  const { STREAMS } = await loadStreamTable('vendor-openapi');
  return [...new Set(STREAMS.filter((s) => s.family === 'admin').map((s) => `/organization${s.path}`))];
}

const OUT_DIR = 'test/fixtures/openai-openapi';
const REPO = 'https://github.com/openai/openai-openapi';

/** Marketing metadata (examples, SDK snippets) is dropped: it is large and no test reads it. */
const strip = (value) => JSON.parse(JSON.stringify(value, (k, v) => (k === 'x-oaiMeta' ? undefined : v)));

function refsIn(value, out = new Set()) {
  if (Array.isArray(value)) value.forEach((v) => refsIn(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.add(v);
      else refsIn(v, out);
    }
  }
  return out;
}

/** The operations, plus every `#/components/...` they reach, following refs until none is new. */
export function extractAdmin(doc, wanted) {
  const paths = {};
  for (const p of wanted) {
    const get = doc.paths?.[p]?.get;
    if (!get) throw new Error(`${p}: no GET operation in this openapi.yaml; check the stream's path.`);
    paths[p] = { get: strip(get) };
  }
  const components = {};
  const pending = [...refsIn(paths)];
  const seen = new Set();
  while (pending.length > 0) {
    const ref = pending.pop();
    if (seen.has(ref)) continue;
    seen.add(ref);
    const [, section, name] = /^#\/components\/([^/]+)\/(.+)$/.exec(ref) ?? [];
    const target = doc.components?.[section]?.[name];
    if (!target) throw new Error(`unresolved reference ${ref}`);
    (components[section] ??= {})[name] = strip(target);
    pending.push(...refsIn(target));
  }
  for (const section of Object.values(components)) {
    const sorted = Object.fromEntries(Object.entries(section).sort(([a], [b]) => a.localeCompare(b)));
    for (const k of Object.keys(section)) delete section[k];
    Object.assign(section, sorted);
  }
  return {
    openapi: doc.openapi,
    info: { title: doc.info?.title, version: doc.info?.version },
    paths,
    components,
  };
}

function commitFrom(specPath) {
  const readme = join(dirname(specPath), 'README.md');
  const match = existsSync(readme) ? /\b[0-9a-f]{40}\b/.exec(readFileSync(readme, 'utf8')) : null;
  return match?.[0];
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { commit: { type: 'string' }, date: { type: 'string' } },
  });
  const specPath = positionals[0] ?? '../shared/reference/openai-openapi/openapi.yaml';
  const commit = values.commit ?? commitFrom(specPath);
  if (!commit)
    throw new Error('Name the source commit with --commit <sha> (no README.md with one beside the spec).');
  const dateMatch = existsSync(join(dirname(specPath), 'README.md'))
    ? /\((\d{4}-\d{2}-\d{2})\)/.exec(readFileSync(join(dirname(specPath), 'README.md'), 'utf8'))
    : null;
  const date = values.date ?? dateMatch?.[1] ?? 'unknown';
  const vendored = {
    'x-vendored-from': { repository: REPO, path: 'openapi.yaml', commit, date, license: 'MIT' },
    ...extractAdmin(parse(readFileSync(specPath, 'utf8')), await adminPaths()),
  };
  mkdirSync(OUT_DIR, { recursive: true });
  const out = join(OUT_DIR, 'admin.json');
  const style = (await resolveConfig(out)) ?? {};
  const json = await format(JSON.stringify(vendored), { ...style, parser: 'json' });
  writeFileSync(out, json);
  const licence = join(dirname(specPath), 'LICENSE');
  const notice = [
    `admin.json is an extract of openapi.yaml from ${REPO}`,
    `(commit ${commit}, ${date}), made by scripts/vendor-openapi.mjs: the /organization GET operations`,
    'the Admin streams read and the component schemas they reference. It is used under the MIT licence below.',
    '',
    existsSync(licence)
      ? readFileSync(licence, 'utf8').trimEnd()
      : 'MIT License (see the source repository).',
    '',
  ].join('\n');
  writeFileSync(join(OUT_DIR, 'NOTICE'), notice);
  const schemas = Object.keys(vendored.components.schemas ?? {}).length;
  console.log(
    `wrote ${OUT_DIR}/admin.json: ${Object.keys(vendored.paths).length} operations, ${schemas} schemas (commit ${commit})`,
  );
}

await main();
