// src/generated/ is committed output of scripts/gen-types.mjs; this fails when a schema changed without
// regenerating (or someone edited the output by hand).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATED_DIR, ROOT, generateAll, typeName } from '../scripts/gen-types-lib.mjs';
import type { StreamRecordTypes, Usage } from '../src/generated/index.js';

const STALE = 'src/generated is stale: run npm run gen';

describe('generated record types', () => {
  it('equal what regenerating from schemas/ gives, file for file', async () => {
    const expected = await generateAll();
    const committed = readdirSync(path.join(ROOT, GENERATED_DIR))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => `${GENERATED_DIR}/${f}`);
    expect(committed.sort(), STALE).toEqual([...expected.keys()].sort());
    for (const [file, content] of expected) {
      expect(readFileSync(path.join(ROOT, file), 'utf8'), `${STALE} (${file} differs)`).toBe(content);
    }
  });

  it('regenerate byte for byte the same on a second run', async () => {
    const [first, second] = [await generateAll(), await generateAll()];
    expect([...second]).toEqual([...first]);
  });

  it('name each type in PascalCase after its stream, and map every stream in StreamRecordTypes', async () => {
    expect(typeName('usage_by_client')).toBe('UsageByClient');
    const index = (await generateAll()).get(`${GENERATED_DIR}/index.ts`) ?? '';
    const schemas = readdirSync(path.join(ROOT, 'schemas')).filter((f) => f.endsWith('.json'));
    expect(schemas.length).toBeGreaterThan(0);
    for (const file of schemas) {
      const stream = file.replace(/\.json$/, '');
      expect(index).toContain(`  ${stream}: ${typeName(stream)};`);
    }
  });

  it('keep unknown fields and nullable optionals assignable (checked by tsc)', () => {
    const record: StreamRecordTypes['usage'] = {
      id: 'ws:2026-05-01:user-1',
      workspace_id: 'ws',
      date: '2026-05-01',
      email: null,
      totals: { credits: 1.5, cost_usd: null, brand_new_counter: 3 },
      brand_new_field: { anything: true },
    };
    // @ts-expect-error the primary key is required
    const withoutKey: Usage = { workspace_id: 'ws', date: '2026-05-01' };
    expect(record.id).toBe('ws:2026-05-01:user-1');
    expect(withoutKey.id).toBeUndefined();
  });
});
