// The stream table is the only list of streams. Any quoted word elsewhere that looks like a stream name (the
// families' prefixes) must be a stream of the table, a field of a schema, a config key, a dbt model, macro or
// var, or one of the few words named below: so a renamed or removed stream cannot live on in a test, a script,
// a fixture, the docs or the simulator.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STREAMS } from '../src/streams.js';
import { configSchema } from '../src/config/schema.js';

/** Words of the families' shape that are not streams, and what they are. */
const NOT_STREAMS: Record<string, string> = {
  codex: 'the dbt source name',
  compliance: 'a family',
  organization: 'a partition (the whole organization)',
  workspace: 'a partition',
  codex_analytics: 'the dbt package',
  codex_log: 'a lower-case event type refused by the config test',
  codex_costs_billing: 'a section anchor of the docs page',
  compliance_organization: 'a partition style',
  organization_and_tenant: 'a partition style',
  workspace_event_type: 'a partition style',
  usage_buckets: 'a sync style',
};

const LOOKS_LIKE_A_STREAM =
  /['"`]((?:organization|codex|compliance|workspace|code_review|usage)(?:_[a-z0-9]+)*)['"`]/g;
const SCANNED = [
  'src',
  'test',
  'acceptance',
  'bench',
  'scripts',
  'integration_tests',
  'dbt',
  'docs',
  'meltano',
];
const TEXT = /\.(ts|mjs|json|jsonl|md|yml|yaml|sql)$/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    return statSync(path).isDirectory() ? files(path) : TEXT.test(name) ? [path] : [];
  });
}

function schemaFields(): Set<string> {
  const out = new Set<string>();
  const walk = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'properties' && typeof value === 'object' && value !== null)
        Object.keys(value).forEach((k) => out.add(k));
      walk(value);
    }
  };
  for (const name of readdirSync('schemas')) walk(JSON.parse(readFileSync(join('schemas', name), 'utf8')));
  return out;
}

function dbtNames(): Set<string> {
  const models = files('dbt/models')
    .filter((f) => f.endsWith('.sql'))
    .map((f) => (f.split('/').pop() ?? '').replace(/\.sql$/, ''));
  const text = files('dbt')
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  const macros = [...text.matchAll(/\{%-?\s*macro\s+(\w+)/g)].map((m) => m[1] as string);
  const vars = [...readFileSync('dbt/dbt_project.yml', 'utf8').matchAll(/^ {2}(\w+):/gm)].map(
    (m) => m[1] as string,
  );
  return new Set([...models, ...macros, ...vars]);
}

const KNOWN = new Set([
  ...STREAMS.map((s) => s.name),
  ...schemaFields(),
  ...Object.keys(configSchema.shape),
  ...dbtNames(),
  ...Object.keys(NOT_STREAMS),
]);

/** Quoted stream-like words of a text that are nothing known. */
function unknownNames(text: string, known: ReadonlySet<string>): string[] {
  return [...text.matchAll(LOOKS_LIKE_A_STREAM)].map((m) => m[1] as string).filter((w) => !known.has(w));
}

describe('the stream table is the only list of streams', () => {
  it('catches a stream name the table does not have (the check can fail)', () => {
    const sample = `const streams = ['usage', 'organization_widgets_usage', "codex_tasks"];`;
    expect(unknownNames(sample, KNOWN)).toEqual(['organization_widgets_usage']);
  });

  it('no file names a stream the table does not have', () => {
    const found: string[] = [];
    for (const dir of SCANNED) {
      for (const file of files(dir)) {
        if (file.startsWith(join('test', 'fixtures', 'openai-openapi'))) continue; // OpenAI's words, not ours
        if (file === join('test', 'stream-names.test.ts')) continue; // its own planted sample
        for (const name of unknownNames(readFileSync(file, 'utf8'), KNOWN)) found.push(`${file}: ${name}`);
      }
    }
    expect([...new Set(found)]).toEqual([]);
  });

  it('names no exception that is a stream after all', () => {
    expect(STREAMS.map((s) => s.name).filter((n) => n in NOT_STREAMS)).toEqual([]);
  });
});
