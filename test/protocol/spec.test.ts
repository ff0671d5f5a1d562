import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { connectionSpecification } from '../../src/protocol/spec.js';
import { runConnector, validateMessage } from '../helpers/protocol.js';

const FORBIDDEN = ['anyOf', 'allOf', 'not', 'patternProperties', 'if', 'then', 'else', 'prefixItems', '$ref'];

function walk(node: unknown, visit: (obj: Record<string, unknown>, path: string) => void, path = ''): void {
  if (Array.isArray(node)) node.forEach((n, i) => walk(n, visit, `${path}[${i}]`));
  else if (typeof node === 'object' && node !== null) {
    visit(node as Record<string, unknown>, path);
    for (const [k, v] of Object.entries(node)) walk(v, visit, `${path}.${k}`);
  }
}

describe('spec', () => {
  it('prints exactly one SPEC line, valid against the protocol schema', async () => {
    const run = await runConnector(['spec']);
    expect(run.code).toBe(0);
    expect(run.lines).toHaveLength(1);
    expect(run.messages[0]?.type).toBe('SPEC');
    expect(validateMessage(run.messages[0])).toEqual([]);
  });

  const spec = connectionSpecification();
  it('is valid JSON Schema that accepts a full config and rejects a wrong type', () => {
    const validate = new Ajv({ strict: false }).compile(spec);
    const config = {
      workspace_ids: ['0b9c2f1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b'],
      analytics_api_key: 'k',
      lookback_days: 3,
      unknown_key: 1,
    };
    expect(validate(config)).toBe(true);
    expect(validate({ ...config, lookback_days: 'three' })).toBe(false);
  });

  it('follows the acceptance rules: secrets marked, single types, no forbidden keywords, unique order', () => {
    const orders: number[] = [];
    walk(spec, (obj, path) => {
      for (const k of FORBIDDEN) expect(obj[k], `${path}.${k}`).toBeUndefined();
      if ('additionalProperties' in obj) expect(obj.additionalProperties, path).toBe(true);
      if (Array.isArray(obj.type)) expect(obj.type.length, path).toBeLessThanOrEqual(2);
      if (typeof obj.order === 'number') orders.push(obj.order);
      if (obj.airbyte_secret === true) expect(obj.type, path).toBe('string');
    });
    expect(new Set(orders).size).toBe(orders.length);
    const props = spec.properties as Record<string, Record<string, unknown>>;
    for (const name of Object.keys(props).filter((n) => /key|token|password|secret|salt/.test(n))) {
      expect(props[name]?.airbyte_secret, name).toBe(true);
    }
    expect(Object.keys(props)).toEqual(
      expect.arrayContaining([
        'workspace_ids',
        'start_date',
        'lookback_days',
        'page_size',
        'max_requests_per_minute',
      ]),
    );
  });
});
