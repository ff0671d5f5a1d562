// CAT's `high` rule on expected records (conftest.py, expected_records_by_stream + find_not_seeded_streams;
// vendored in vendor/airbyte/): every stream of the catalog has expected records, or is declared in
// basic_read's empty_streams. The message is CAT's own, so a failure here reads as it would there.
import { names, type ConfiguredCatalog } from '../catalog.js';
import type { TestEntry } from '../cat-config.js';
import type { ExpectedRecord } from '../records.js';
import { fail, pass, skip, type Outcome } from '../results.js';

/** The streams CAT would name: in the catalog, neither seeded nor declared empty. */
export function notSeededStreams(
  catalog: ConfiguredCatalog,
  emptyStreams: readonly { name: string }[],
  expected: readonly ExpectedRecord[],
): string[] {
  const empty = new Set(emptyStreams.map((s) => s.name));
  const seeded = new Set(expected.map((r) => r.stream));
  return names(catalog).filter((n) => !empty.has(n) && !seeded.has(n));
}

export function seedingOutcome(
  strictness: string,
  test: TestEntry,
  catalog: ConfiguredCatalog,
  expected: readonly ExpectedRecord[] | undefined,
): Outcome {
  if (strictness !== 'high') return skip('a `high` rule; test_strictness_level is not high');
  if (expected === undefined) return skip('expect_records bypassed (config/strictness checks the reason)');
  const missing = notSeededStreams(catalog, test.empty_streams ?? [], expected);
  if (missing.length === 0) {
    const seeded = new Set(expected.map((r) => r.stream)).size;
    return pass(`${seeded} streams seeded, ${(test.empty_streams ?? []).length} declared empty`);
  }
  return fail(
    `High strictness level error: ${missing.join(', ')} streams are declared in the catalog but do not have expected records. Please add expected records to ${test.expect_records?.path ?? ''} or declare these streams in empty_streams. (npm run acceptance:generate seeds every stream the simulator serves.)`,
  );
}
