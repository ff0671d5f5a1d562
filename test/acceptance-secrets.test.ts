// The acceptance run (the last step of `npm test`) must leave the user's secrets/ alone: the YAML names
// secrets/config.json because Airbyte's CAT reads the user's config from there, and our runner hands the
// connector the simulator's config from a temporary file instead of overwriting that one.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { main } from '../acceptance/cli.js';

const ROOT = resolve('.');
const root = mkdtempSync(join(tmpdir(), 'acceptance-secrets-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the acceptance runner and secrets/', () => {
  it('given a user config at secrets/config.json, when the runner reads it as config_path, then the file is byte-identical after and the checks ran against the simulator', async () => {
    const userConfig = Buffer.from('{"admin_api_key": "sk-admin-mine-do-not-touch"}\n  \u00e9\n');
    // A copy of the repository files the spec checks read, so the run sees a repository rooted here.
    for (const f of [
      'Dockerfile',
      'metadata.yaml',
      'icon.svg',
      'package.json',
      'test/fixtures/airbyte_protocol.yaml',
    ])
      cpSync(join(ROOT, f), join(root, f), { recursive: true });
    mkdirSync(join(root, 'secrets'));
    writeFileSync(join(root, 'secrets/config.json'), userConfig);
    writeFileSync(
      join(root, 'acceptance-test-config.yml'),
      stringify({
        connector_image: 'x/y:dev',
        acceptance_tests: {
          spec: { tests: [{ config_path: 'secrets/config.json' }] },
          connection: { tests: [{ config_path: 'secrets/config.json', status: 'succeed' }] },
          // A second path under secrets/ that does not exist: it must not be created either.
          discovery: { tests: [{ config_path: 'secrets/other.json' }] },
        },
      }),
    );
    const lines: string[] = [];
    const code = await main(
      [
        '--config-file',
        join(root, 'acceptance-test-config.yml'),
        '--connector',
        `${process.execPath} ${join(ROOT, 'dist/main.js')}`,
      ],
      (l) => lines.push(l),
    );
    expect(readFileSync(join(root, 'secrets/config.json')).equals(userConfig)).toBe(true);
    expect(readdirSync(join(root, 'secrets'))).toEqual(['config.json']);
    // `check` succeeded: the connector got the simulator's keys, not the user's file.
    expect(lines.find((l) => l.includes('connection/status'))).toMatch(
      /^PASS connection\/status \(SUCCEEDED/,
    );
    expect(code, lines.join('\n')).toBe(0);
  });
});
