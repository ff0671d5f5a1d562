// The sample Meltano projects stay true to the connector: every setting is a real config key, every secret is
// a password, the executable is the package's bin, and `select` names real streams.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { connectionSpecification } from '../src/protocol/spec.js';

interface Setting {
  name: string;
  kind?: string;
  sensitive?: boolean;
}
interface Extractor {
  name: string;
  namespace?: string;
  executable?: string;
  pip_url?: string;
  capabilities?: string[];
  settings?: Setting[];
  config?: Record<string, unknown>;
  select?: string[];
}

const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
const extractor = (file: string): Extractor => {
  const project = parse(read(file)) as { plugins: { extractors: Extractor[] } };
  const [first] = project.plugins.extractors;
  if (first === undefined) throw new Error(`${file} has no extractor`);
  return first;
};
const spec = connectionSpecification() as { properties: Record<string, { airbyte_secret?: boolean }> };
const KEYS = Object.keys(spec.properties);
const SECRETS = KEYS.filter((k) => spec.properties[k]?.airbyte_secret === true);
const STREAM_NAMES = readdirSync(new URL('../schemas/', import.meta.url)).map((f) =>
  f.replace(/\.json$/, ''),
);
const pkg = JSON.parse(read('package.json')) as { version: string; bin: Record<string, string> };

function expectSettingsMatchSpec(settings: Setting[], prefix: string): void {
  const names = settings.map((s) => s.name).filter((n) => n.startsWith(prefix));
  expect(names.map((n) => n.slice(prefix.length)).sort()).toEqual([...KEYS].sort());
  for (const s of settings.filter((x) => x.name.startsWith(prefix))) {
    const secret = SECRETS.includes(s.name.slice(prefix.length));
    expect(s.kind === 'password' && s.sensitive === true, s.name).toBe(secret);
  }
}

function expectSelectNamesStreams(select: string[] | undefined): void {
  expect(select?.length).toBeGreaterThan(0);
  for (const pattern of select ?? []) {
    expect(STREAM_NAMES, pattern).toContain(pattern.replace(/^!/, '').split('.')[0]);
  }
}

describe('meltano/meltano.yml (the native tap)', () => {
  const tap = extractor('meltano/meltano.yml');

  it('runs the package bin with the Singer capabilities it implements', () => {
    expect(tap.executable).toBe('tap-openai-codex');
    expect(pkg.bin[tap.executable ?? '']).toBe('dist/tap.js');
    expect(tap.namespace).toBe('tap_openai_codex');
    expect(tap.pip_url).toBeUndefined();
    expect(tap.capabilities).toEqual(['catalog', 'discover', 'state']);
  });

  it('lists every config key as a setting, secrets as kind password, and nothing else', () => {
    expectSettingsMatchSpec(tap.settings ?? [], '');
    for (const key of Object.keys(tap.config ?? {})) expect(KEYS).toContain(key);
    for (const secret of SECRETS) expect(tap.config ?? {}).not.toHaveProperty(secret);
  });

  it('selects real streams', () => expectSelectNamesStreams(tap.select));
});

describe('meltano/meltano-airbyte-wrapper.yml (tap-airbyte-wrapper)', () => {
  const tap = extractor('meltano/meltano-airbyte-wrapper.yml');
  const config = (tap.config ?? {}) as {
    airbyte_spec?: { image?: string; tag?: string };
    airbyte_config?: object;
  };

  it("installs MeltanoLabs' wrapper and runs the connector image at the package version", () => {
    expect(tap.pip_url).toBe('git+https://github.com/MeltanoLabs/tap-airbyte-wrapper.git');
    expect(config.airbyte_spec?.image).toBe('codexconnector/source-openai-codex');
    expect(config.airbyte_spec?.tag).toBe(pkg.version);
  });

  it('declares every config key under airbyte_config, secrets as kind password, none of them inline', () => {
    expectSettingsMatchSpec(tap.settings ?? [], 'airbyte_config.');
    for (const key of Object.keys(config.airbyte_config ?? {})) expect(KEYS).toContain(key);
    for (const secret of SECRETS) expect(config.airbyte_config ?? {}).not.toHaveProperty(secret);
  });

  it('selects real streams', () => expectSelectNamesStreams(tap.select));
});
