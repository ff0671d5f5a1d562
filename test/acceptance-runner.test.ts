// The acceptance runner can fail: against a connector stub that breaks the protocol, against the real
// connector with an expectation that cannot hold, and on a config CAT would reject. Each run prints the FAIL
// line and ends non-zero.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { main } from '../acceptance/cli.js';

const ROOT = resolve('.');
const dir = mkdtempSync(join(tmpdir(), 'acceptance-runner-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function runAcceptance(config: unknown, extra: string[] = []) {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.yml`);
  writeFileSync(file, typeof config === 'string' ? config : stringify(config));
  const lines: string[] = [];
  const code = await main(['--config-file', file, ...extra], (l) => lines.push(l));
  return { code, lines };
}

const configFile = join(dir, 'config.json');
writeFileSync(
  configFile,
  JSON.stringify({ workspace_ids: ['00000000-0000-4000-8000-000000000000'], analytics_api_key: 'x' }),
);

describe('the acceptance runner', () => {
  it('given a connector that prints two SPEC messages, fails spec/one_spec_message and exits non-zero', async () => {
    const stub = join(dir, 'two-specs.mjs');
    const spec = JSON.stringify({ type: 'SPEC', spec: { connectionSpecification: { type: 'object' } } });
    writeFileSync(stub, `console.log(${JSON.stringify(spec)}); console.log(${JSON.stringify(spec)});`);
    const { code, lines } = await runAcceptance(
      {
        connector_image: 'x/y:dev',
        base_path: ROOT,
        acceptance_tests: { spec: { tests: [{ config_path: configFile }] } },
      },
      ['--connector', `${process.execPath} ${stub}`],
    );
    expect(lines).toContain('FAIL spec/one_spec_message: 2 SPEC messages; `spec` exit 0');
    expect(lines.at(-1)).toMatch(/^\d+ passed, [1-9]\d* failed$/);
    expect(code).toBe(1);
  });

  it('given the real connector and a check expected to succeed with the invalid config, fails connection/status', async () => {
    const { code, lines } = await runAcceptance({
      connector_image: 'x/y:dev',
      base_path: ROOT,
      acceptance_tests: {
        connection: { tests: [{ config_path: 'integration_tests/invalid_config.json', status: 'succeed' }] },
      },
    });
    expect(lines.find((l) => l.startsWith('FAIL connection/status:'))).toMatch(/want SUCCEEDED, got FAILED/);
    expect(lines).toContain('PASS connection/exit_code (exit 0)');
    // config/valid, config/strictness, metadata/valid, exit_code and only_protocol_messages pass.
    expect(lines.at(-1)).toBe('5 passed, 1 failed');
    expect(code).toBe(1);
  });

  it('given a key CAT does not know, fails config/valid and runs nothing', async () => {
    const { code, lines } = await runAcceptance({
      connector_image: 'x/y:dev',
      acceptance_tests: { spec: { tests: [{ config_path: configFile, extra_records: true }] } },
    });
    expect(lines[0]).toBe(
      'FAIL config/valid: unknown key `acceptance_tests.spec.tests[0].extra_records` (CAT rejects extra keys)',
    );
    expect(lines).toHaveLength(2);
    expect(code).toBe(1);
  });

  it('given test_strictness_level high and a missing suite, fails config/strictness', async () => {
    const { code, lines } = await runAcceptance({
      connector_image: 'x/y:dev',
      test_strictness_level: 'high',
      acceptance_tests: { spec: { tests: [{ config_path: configFile }] } },
    });
    expect(lines.find((l) => l.startsWith('FAIL config/strictness'))).toMatch(
      /suite `incremental` must have tests/,
    );
    expect(code).toBe(1);
  });

  it('reads `no` as false, as PyYAML (YAML 1.1) does', async () => {
    const yaml = `connector_image: x/y:dev\nacceptance_tests:\n  spec:\n    bypass_reason: none\n  basic_read:\n    tests:\n      - expect_records: {path: a.jsonl, exact_order: no}\n`;
    const { code, lines } = await runAcceptance(yaml, ['--suites', 'spec']);
    expect(lines[0]).toMatch(/^PASS config\/valid/);
    expect(lines).toContain('SKIP spec: bypassed: none');
    expect(code).toBe(0);
  });
});
