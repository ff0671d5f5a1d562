// The two traps of acceptance-checks.md, as checks on the basic_read run: CAT sends every optional catalog
// field as null, and CAT splits stdout with Python's splitlines().
import { CONFIGURED_STREAM_OPTIONAL, STREAM_OPTIONAL } from '../catalog.js';
import type { Json } from '../messages.js';
import { fail, noProblems, pass, type Check } from '../results.js';
import { OTHER_LINE_BREAKS } from '../splitlines.js';
import { readProblems } from '../connector.js';
import type { BasicReadInput } from './basic-read.js';

export const nullOptionalFieldsCheck: Check<BasicReadInput> = {
  name: 'null_optional_fields',
  run: (i) => {
    const nulls = i.catalog.streams.reduce(
      (n, s) =>
        n +
        CONFIGURED_STREAM_OPTIONAL.filter((k) => s[k] === null).length +
        STREAM_OPTIONAL.filter((k) => (s.stream as unknown as Json)[k] === null).length,
      0,
    );
    // Proves the trap was set: the catalog really carried nulls (namespace is never set by discover).
    if (i.catalog.streams.some((s) => s.stream.namespace !== null || s.cursor_field !== null))
      return fail('the catalog sent did not carry null optional fields; the trap was not set');
    return noProblems(
      readProblems(i.run),
      `the catalog carried ${nulls} optional fields as null; the read completed`,
    );
  },
};

function valuesWithBreaks(value: unknown): number {
  if (typeof value === 'string') return OTHER_LINE_BREAKS.test(value) ? 1 : 0;
  if (typeof value !== 'object' || value === null) return 0;
  return Object.values(value).reduce<number>((n, v) => n + valuesWithBreaks(v), 0);
}

export const splitlinesCheck: Check<BasicReadInput> = {
  name: 'python_splitlines',
  run: (i) => {
    const byNewline = i.run.stdout.split('\n').filter((l) => l.trim() !== '');
    // A \r right before \n is one break for Python too (\r\n).
    const broken = byNewline.filter((l) => OTHER_LINE_BREAKS.test(l.replace(/\r$/, '')));
    if (broken.length > 0)
      return fail(
        `${broken.length} stdout lines carry a raw character Python's splitlines() breaks on (U+2028, U+2029, U+0085, …): escape it`,
      );
    const carriers = i.records.filter((r) => valuesWithBreaks(r.data) > 0).length;
    return pass(
      carriers > 0
        ? `${byNewline.length} lines split alike; ${carriers} records hold such characters, all escaped`
        : `${byNewline.length} lines split alike (no record held such characters this run)`,
    );
  },
};
