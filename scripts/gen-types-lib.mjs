// Turns schemas/*.json into src/generated/*.ts. Pure: returns the files instead of writing them, so
// `gen-types.mjs --check` and the drift test compare against exactly what `npm run gen` would write.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';
import prettier from 'prettier';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const GENERATED_DIR = 'src/generated';

/** `usage_by_client` → `UsageByClient`. */
export function typeName(stream) {
  return stream
    .split('_')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

function banner(source) {
  return `/**\n * Generated from ${source} by scripts/gen-types.mjs. Do not edit: change the schema and run \`npm run gen\`.\n */`;
}

async function format(code, root) {
  // Resolve against a path inside src/generated so the repo's .prettierrc.json applies, not a global one.
  const config = (await prettier.resolveConfig(path.join(root, GENERATED_DIR, 'index.ts'))) ?? {};
  return prettier.format(code, { ...config, parser: 'typescript' });
}

async function streamNames(root) {
  const files = await readdir(path.join(root, 'schemas'));
  return files
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

async function generateOne(stream, root) {
  const source = `schemas/${stream}.json`;
  const schema = JSON.parse(await readFile(path.join(root, source), 'utf8'));
  const code = await compile(schema, typeName(stream), {
    bannerComment: banner(source),
    additionalProperties: true,
    strictIndexSignatures: false,
    unknownAny: true,
    format: false,
    cwd: path.join(root, 'schemas'),
  });
  return format(code, root);
}

function indexSource(streams) {
  const lines = [banner('schemas/*.json'), ''];
  for (const s of streams) lines.push(`import type { ${typeName(s)} } from './${s}.js';`);
  lines.push('', `export type { ${streams.map(typeName).join(', ')} };`, '');
  lines.push('/** The record type of each stream, keyed by stream name (= schema file name). */');
  lines.push('export interface StreamRecordTypes {');
  for (const s of streams) lines.push(`  ${s}: ${typeName(s)};`);
  lines.push('}', '');
  return lines.join('\n');
}

/** Every generated file, keyed by its path relative to the repo root (posix separators). */
export async function generateAll(root = ROOT) {
  const streams = await streamNames(root);
  const files = new Map();
  for (const s of streams) files.set(`${GENERATED_DIR}/${s}.ts`, await generateOne(s, root));
  files.set(`${GENERATED_DIR}/index.ts`, await format(indexSource(streams), root));
  return files;
}
