// acceptance-test-config.yml: loaded, checked as CAT checks it (unknown keys, then the `high` strictness
// rules that need no connector run), and typed for the suites.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import { CAT_CONFIG, validateShape } from './cat-config-schema.js';

export const SUITES = [
  'spec',
  'connection',
  'discovery',
  'basic_read',
  'full_refresh',
  'incremental',
] as const;
export type SuiteName = (typeof SUITES)[number];

export interface Named {
  name: string;
  bypass_reason?: string;
}

export interface TestEntry {
  config_path?: string;
  timeout_seconds?: number;
  spec_path?: string;
  status?: 'succeed' | 'failed' | 'exception';
  configured_catalog_path?: string;
  empty_streams?: Named[];
  expect_records?: { path?: string; bypass_reason?: string; exact_order?: boolean };
  validate_schema?: boolean;
  validate_stream_statuses?: boolean;
  validate_state_messages?: boolean;
  validate_primary_keys_data_type?: boolean;
  expect_trace_message_on_failure?: boolean;
  future_state?: { future_state_path?: string; bypass_reason?: string; missing_streams?: Named[] };
  skip_comprehensive_incremental_tests?: boolean;
}

export interface SuiteConfig {
  bypass_reason?: string;
  tests?: TestEntry[];
}

export interface CatConfig {
  connector_image: string;
  test_strictness_level: 'high' | 'low';
  custom_environment_variables?: Record<string, unknown>;
  acceptance_tests: Partial<
    Record<SuiteName | 'connector_attributes' | 'connector_documentation', SuiteConfig>
  >;
  /** Directory that relative paths resolve against (base_path, else the YAML's directory). */
  root: string;
}

export const DEFAULT_CONFIG_PATH = 'secrets/config.json';

export function loadCatConfig(file: string): { config?: CatConfig; problems: string[] } {
  // CAT reads the file with PyYAML, a YAML 1.1 parser (`no` is false there).
  const raw: unknown = parse(readFileSync(file, 'utf8'), { version: '1.1' });
  if (typeof raw !== 'object' || raw === null) return { problems: ['the file is not a YAML mapping'] };
  const value = raw as Record<string, unknown>;
  if ('tests' in value)
    return { problems: ['legacy `tests:` layout; use `acceptance_tests:` with `tests` per suite'] };
  const problems = validateShape(value, { object: CAT_CONFIG }, '');
  if (typeof value.connector_image !== 'string') problems.push('`connector_image` is required');
  if (typeof value.acceptance_tests !== 'object' || value.acceptance_tests === null)
    problems.push('`acceptance_tests` is required');
  if (problems.length > 0) return { problems };
  const config = {
    test_strictness_level: 'low',
    ...value,
    root: resolve(dirname(file), typeof value.base_path === 'string' ? value.base_path : '.'),
  } as CatConfig;
  return { config, problems: modelRules(config) };
}

/** Cross-field rules of CAT's models (validators), whatever the strictness. */
function modelRules(config: CatConfig): string[] {
  const problems: string[] = [];
  for (const [name, suite] of Object.entries(config.acceptance_tests)) {
    if (suite?.tests && suite.tests.length > 0 && suite.bypass_reason)
      problems.push(`${name}: set either tests or bypass_reason, not both`);
    for (const test of suite?.tests ?? []) {
      const er = test.expect_records;
      if (er && Boolean(er.path) === Boolean(er.bypass_reason))
        problems.push(`${name}.expect_records: set exactly one of path and bypass_reason`);
    }
  }
  return problems;
}

/** The `high` strictness rules that need no connector run (future_state coverage is checked after discover). */
export function strictnessProblems(config: CatConfig): string[] {
  if (config.test_strictness_level !== 'high') return [];
  const problems: string[] = [];
  const tests = config.acceptance_tests;
  for (const name of SUITES) {
    const suite = tests[name];
    if (!suite || (!suite.bypass_reason && (suite.tests ?? []).length === 0))
      problems.push(`suite \`${name}\` must have tests or a bypass_reason`);
  }
  for (const test of tests.basic_read?.tests ?? []) {
    if (test.configured_catalog_path)
      problems.push('basic_read: configured_catalog_path is not allowed (catalog comes from discover)');
    if (!test.expect_records) problems.push('basic_read: expect_records is required');
    if (test.validate_schema === false) problems.push('basic_read: validate_schema must stay true');
    for (const s of test.empty_streams ?? [])
      if (!s.bypass_reason) problems.push(`basic_read: empty stream \`${s.name}\` needs a bypass_reason`);
  }
  for (const test of tests.incremental?.tests ?? []) {
    const fs = test.future_state;
    if (!fs || (!fs.future_state_path && !fs.bypass_reason))
      problems.push('incremental: future_state with future_state_path (or a bypass_reason) is required');
    for (const s of fs?.missing_streams ?? [])
      if (!s.bypass_reason) problems.push(`incremental: missing stream \`${s.name}\` needs a bypass_reason`);
  }
  return problems;
}

export const resolvePath = (config: CatConfig, path: string): string => resolve(config.root, path);
