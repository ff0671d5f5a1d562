// The install path for Meltano and for machines without Docker, as the README and docs give it: `npm pack`
// in a checkout, then `npm install -g ./source-openai-codex-<version>.tgz`. Installed here into a temporary
// prefix, offline (the package has no run-time dependency; the demo's optional DuckDB is skipped offline),
// then both bins run from that prefix's bin/ found on PATH.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const PKG = JSON.parse(readFileSync('package.json', 'utf8')) as {
  name: string;
  version: string;
  dependencies?: object;
};
const TARBALL = `${PKG.name}-${PKG.version}.tgz`;
const dir = mkdtempSync(join(tmpdir(), 'codex-tarball-'));
const prefix = join(dir, 'prefix');
// npm's cache and logs go to the temporary folder too, never to the user's ~/.npm.
const env = {
  ...process.env,
  npm_config_cache: join(dir, 'npm-cache'),
  npm_config_update_notifier: 'false',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  PATH: [join(prefix, 'bin'), process.env.PATH].join(delimiter),
};
const run = (cmd: string, args: string[], cwd = dir) =>
  execFileSync(cmd, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

beforeAll(() => {
  // dist/ is built by `npm test` before vitest; --ignore-scripts keeps prepack from rebuilding it while other
  // test files run the bundles.
  run('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], process.cwd());
  run('npm', ['install', '-g', '--offline', '--prefix', prefix, `./${TARBALL}`]);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe(`npm install -g ./${TARBALL}`, () => {
  it('needs nothing from the registry: the package declares no run-time dependencies', () => {
    expect(Object.keys(PKG.dependencies ?? {})).toEqual([]);
  });

  it('puts source-openai-codex on PATH, and its spec runs', () => {
    const spec = JSON.parse(run('source-openai-codex', ['spec']).trim()) as { type: string };
    expect(spec.type).toBe('SPEC');
  });

  it('puts tap-openai-codex on PATH, and --discover prints a Singer catalog of every stream', () => {
    const config = join(dir, 'config.json');
    writeFileSync(
      config,
      JSON.stringify({
        workspace_ids: ['00000000-0000-4000-8000-000000000000'],
        analytics_api_key: 'placeholder-analytics-key',
        compliance_api_key: 'placeholder-compliance-key',
        admin_api_key: 'sk-admin-placeholder',
      }),
    );
    const catalog = JSON.parse(run('tap-openai-codex', ['--discover', '--config', config])) as {
      streams: { tap_stream_id: string }[];
    };
    expect(catalog.streams.map((s) => s.tap_stream_id)).toContain('usage');
    expect(catalog.streams.length).toBeGreaterThanOrEqual(20);
  });

  it('installs the bins and the schemas, and no source or test files', () => {
    const root = join(prefix, 'lib/node_modules', PKG.name);
    expect(existsSync(join(root, 'dist/main.js'))).toBe(true);
    expect(existsSync(join(root, 'dist/tap.js'))).toBe(true);
    expect(existsSync(join(root, 'schemas/usage.json'))).toBe(true);
    expect(existsSync(join(root, 'src'))).toBe(false);
    expect(existsSync(join(root, 'test'))).toBe(false);
  });
});

describe('install instructions', () => {
  const DOCS = ['README.md', 'docs/integrations/sources/openai-codex.md', 'meltano/meltano.yml'];

  it.each(DOCS)(
    '%s installs the tarball of the current version, never the unpublished registry name',
    (file) => {
      const text = readFileSync(file, 'utf8');
      // `npm install -g source-openai-codex` would fetch whatever someone registers under that name.
      expect(text).not.toMatch(/npm\s+(install|i|add)\s+(-g\s+|--global\s+)?source-openai-codex\b(?!-\d)/);
      expect(text).toContain(`npm install -g ./${TARBALL}`);
    },
  );
});
