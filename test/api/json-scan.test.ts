// The page scanner (src/api/json-scan.ts) must agree with JSON.parse on every body: what JSON.parse reads, the
// scan plus the slice parses read to the same value; what JSON.parse refuses, they refuse. Checked on random
// envelopes written with random whitespace and escapes, and on those bodies cut, with a byte deleted, and with
// a structural byte put in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIST, parseElements, scanBody, type ElementRanges } from '../../src/api/json-scan.js';

/** The body's value as the scan reads it: the list parsed in slices of `slice`, every other member as scanned. */
function viaScan(body: Buffer, slice: number): unknown {
  const all = (list: ElementRanges) => {
    const out: unknown[] = [];
    for (let at = 0; at < list.starts.length; at += slice) {
      out.push(...parseElements(body, list, at, Math.min(at + slice, list.starts.length)));
    }
    return out;
  };
  const scanned = scanBody(body, 'data');
  if (scanned.kind === 'other') return scanned.value;
  if (scanned.kind === 'array') return all(scanned.list);
  const list = scanned.list;
  return Object.fromEntries(
    [...scanned.members].map(([name, value]) => [name, value === LIST && list ? all(list) : value]),
  );
}

const outcome = (f: () => unknown): { ok: true; value: unknown } | { ok: false } => {
  try {
    return { ok: true, value: f() };
  } catch {
    return { ok: false };
  }
};

/** JSON text with whitespace of JSON's four kinds wherever the grammar allows it. */
const space = fc.stringMatching(/^[ \t\n\r]{0,3}$/);
const tricky = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.constantFrom('"', '\\', '\\"', '"\\', '}', ']', '{"data":[', ',', '\\\\"', '\u2028', '\u0000', 'é😀'),
);
type Text = fc.Arbitrary<string>;
const value: Text = fc.letrec<{ v: string }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(
      tricky.map((s) => JSON.stringify(s)),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
      fc.constantFrom('true', 'false', 'null', '-0', '1e5', '0.5E-3'),
    ),
    fc
      .array(fc.tuple(space, tie('v'), space), { maxLength: 4 })
      .map((items) => `[${items.map(([a, v, b]) => a + v + b).join(',')}]`),
    fc
      .array(fc.tuple(tricky, space, tie('v'), space), { maxLength: 4 })
      .map((ms) => `{${ms.map(([k, a, v, b]) => `${a}${JSON.stringify(k)}${b}:${a}${v}${b}`).join(',')}}`),
  ),
})).v;
const list = fc
  .array(fc.tuple(space, value, space), { maxLength: 12 })
  .map((items) => `[${items.map(([a, v, b]) => a + v + b).join(',')}]`);
const member = fc.tuple(
  fc.oneof(fc.constantFrom('data', 'has_more', 'next_page', '__proto__', 'd\\u0061ta'), tricky),
  space,
  fc.oneof(list, value),
);
const envelope: Text = fc.oneof(
  fc
    .array(member, { maxLength: 5 })
    .map((ms) => `{${ms.map(([k, s, v]) => `${s}${JSON.stringify(k)}${s}:${s}${v}${s}`).join(',')}}`),
  list,
  value,
);
const body = fc.tuple(space, envelope, space).map(([a, e, b]) => a + e + b);

/** The body spoiled one way or another: most spoils make it not JSON; the rest must still read the same. */
const spoiled = fc
  .tuple(body, fc.nat(), fc.constantFrom('cut', 'delete', '{', '}', '[', ']', '"', ',', ':', '\\', 'x', ' '))
  .map(([text, at, how]) => {
    const i = text.length === 0 ? 0 : at % text.length;
    if (how === 'cut') return text.slice(0, i);
    if (how === 'delete') return text.slice(0, i) + text.slice(i + 1);
    return text.slice(0, i) + how + text.slice(i);
  });

describe('json-scan: the scan agrees with JSON.parse', () => {
  it('given any JSON body, when scanned and sliced, then it reads exactly what JSON.parse reads', () => {
    fc.assert(
      fc.property(body, fc.integer({ min: 1, max: 5 }), (text, slice) => {
        const bytes = Buffer.from(text, 'utf8');
        expect(viaScan(bytes, slice)).toEqual(JSON.parse(text));
      }),
      { numRuns: 3_000 },
    );
  });

  it('given a body spoiled by a cut, a deletion or an extra byte, then the scan refuses it when JSON.parse does and reads the same otherwise', () => {
    fc.assert(
      fc.property(spoiled, fc.integer({ min: 1, max: 5 }), (text, slice) => {
        // A spoil may split a surrogate pair; as bytes (what a server sends) that is U+FFFD either way.
        const bytes = Buffer.from(text, 'utf8');
        const expected = outcome(() => JSON.parse(bytes.toString('utf8')));
        const got = outcome(() => viaScan(bytes, slice));
        expect(got).toEqual(expected);
      }),
      { numRuns: 5_000 },
    );
  });

  it('given repeated members, then the last value wins in the first one’s place, as JSON.parse has it', () => {
    const text = '{"data":[1],"has_more":true,"data":"not a list","next":1,"data":[{"a":2}]}';
    const scanned = scanBody(Buffer.from(text), 'data');
    expect(scanned.kind).toBe('object');
    expect(viaScan(Buffer.from(text), 1)).toEqual(JSON.parse(text));
    expect(Object.keys(viaScan(Buffer.from(text), 1) as object)).toEqual(['data', 'has_more', 'next']);
  });

  it('given a value JSON.parse refuses inside an element, then the scan finds the element and its slice parse refuses it', () => {
    const text = Buffer.from('{"data":[{"a":1},{"a":tru},{"a":3}],"has_more":false}');
    const scanned = scanBody(text, 'data');
    if (scanned.kind !== 'object' || scanned.list === undefined) throw new Error('no list found');
    expect(parseElements(text, scanned.list, 0, 1)).toEqual([{ a: 1 }]);
    expect(() => parseElements(text, scanned.list!, 1, 2)).toThrow(/elements 1 to 1 are not valid JSON/);
    expect(parseElements(text, scanned.list, 2, 3)).toEqual([{ a: 3 }]);
  });

  it('given a fault, then the error names a byte offset and never quotes the body', () => {
    const secretish = 'alice@example.com';
    for (const text of [
      `{"data":[{"email":"${secretish}"}`,
      `{"email":${secretish}}`,
      `["${secretish}" x]`,
    ]) {
      let message = '';
      try {
        viaScan(Buffer.from(text), 1);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/at byte \d+/);
      expect(message).not.toContain('alice');
    }
  });
});
