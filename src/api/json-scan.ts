// A page's envelope found in its bytes, without building its rows. A page of 30,000 rows is about 40 MB of
// JSON; parsed whole it is a graph several times that, held (with the next page, fetched ahead) while it is
// emitted. Instead the body stays one Buffer: the scan finds the top-level members and the byte range of each
// element of the list, parses the small members (has_more, tokens) at once, and leaves the rows to be parsed
// a slice at a time, when they are consumed (lazy-page.ts).
//
// The scan checks the grammar of the envelope and of the list (members, colons, commas, the end of the body)
// and finds each element's end by bracket depth and string ends. What is inside an element is checked by
// JSON.parse when its slice is parsed, and a slice whose parse gives another number of elements than the scan
// found is refused: the scan and JSON.parse must agree on every byte (test/api/json-scan.test.ts fuzzes this).

/** The body is not one complete JSON value. */
export class JsonScanError extends Error {
  constructor(message: string, offset: number) {
    super(`${message} at byte ${offset}`);
    this.name = 'JsonScanError';
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** `{`: an element whose first byte it is, is an object (lazy-page.ts checks rows by it). */
export const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

/** JSON's four whitespace bytes. */
const isSpace = (c: number | undefined) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

function skipSpace(b: Buffer, i: number): number {
  while (isSpace(b[i])) i++;
  return i;
}

/** The offset after the string that opens at `i` (a quote). */
function stringEnd(b: Buffer, i: number): number {
  let from = i + 1;
  for (;;) {
    const q = b.indexOf(QUOTE, from);
    if (q < 0) throw new JsonScanError('a string does not end', i);
    let slashes = 0;
    while (b[q - 1 - slashes] === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return q + 1;
    from = q + 1;
  }
}

/** The offset after the value that starts at `i` (not whitespace); its inside is JSON.parse's to check. */
function valueEnd(b: Buffer, i: number): number {
  const first = b[i];
  if (first === QUOTE) return stringEnd(b, i);
  if (first === OPEN_OBJECT || first === OPEN_ARRAY) {
    let depth = 0;
    for (let j = i; j < b.length;) {
      const c = b[j] as number;
      if (c === QUOTE) {
        j = stringEnd(b, j);
        continue;
      }
      if (c === OPEN_OBJECT || c === OPEN_ARRAY) depth++;
      else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
        depth--;
        if (depth === 0) return j + 1;
      }
      j++;
    }
    throw new JsonScanError('an object or array does not end', i);
  }
  // A number, true, false or null: everything up to the next delimiter.
  let j = i;
  while (j < b.length) {
    const c = b[j];
    if (c === COMMA || c === CLOSE_OBJECT || c === CLOSE_ARRAY || isSpace(c)) break;
    j++;
  }
  if (j === i) throw new JsonScanError('a value is missing', i);
  return j;
}

/** Byte ranges of the elements of one array: element k is [starts[k], ends[k]). */
export interface ElementRanges {
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  /** Where the array's `[` and `]` are: every element lies between. */
  readonly open: number;
  readonly close: number;
}

/** The elements of the array that opens at `i`, and the offset after it. */
function elements(b: Buffer, i: number): { ranges: ElementRanges; end: number } {
  const starts: number[] = [];
  const ends: number[] = [];
  let j = skipSpace(b, i + 1);
  if (b[j] !== CLOSE_ARRAY) {
    for (;;) {
      const end = valueEnd(b, j);
      starts.push(j);
      ends.push(end);
      j = skipSpace(b, end);
      if (b[j] === CLOSE_ARRAY) break;
      if (b[j] !== COMMA) throw new JsonScanError('expected , or ] in an array', j);
      j = skipSpace(b, j + 1);
    }
  }
  return { ranges: { starts, ends, open: i, close: j }, end: j + 1 };
}

// JSON.parse's own message quotes the text around the fault, and a page's text may hold names and email
// addresses: only the offset is kept.
const parseRange = (b: Buffer, start: number, end: number): unknown => {
  try {
    return JSON.parse(b.toString('utf8', start, end));
  } catch {
    throw new JsonScanError('not valid JSON', start);
  }
};

/** Stands for the list in `members` until the caller puts rows (or placeholders for them) there. */
export const LIST = Symbol('list');

export type ScannedBody =
  /** An object: its members in order, parsed, the list member (if an array) as LIST with its ranges. */
  | { kind: 'object'; members: Map<string, unknown>; list: ElementRanges | undefined }
  /** A bare array: its elements' ranges. */
  | { kind: 'array'; list: ElementRanges }
  /** Any other JSON value, parsed (small: a page is an object or an array). */
  | { kind: 'other'; value: unknown };

/**
 * Scans a page body. `listKey` names the member whose array elements are located instead of parsed. Members
 * repeat as JSON.parse has them: the last value wins, in the first one's place.
 */
export function scanBody(b: Buffer, listKey: string): ScannedBody {
  let i = skipSpace(b, 0);
  let scanned: ScannedBody;
  if (b[i] === OPEN_ARRAY) {
    const { ranges, end } = elements(b, i);
    scanned = { kind: 'array', list: ranges };
    i = end;
  } else if (b[i] === OPEN_OBJECT) {
    const members = new Map<string, unknown>();
    let list: ElementRanges | undefined;
    i = skipSpace(b, i + 1);
    if (b[i] === CLOSE_OBJECT) i++;
    else {
      for (;;) {
        if (b[i] !== QUOTE) throw new JsonScanError('expected a member name', i);
        const nameEnd = stringEnd(b, i);
        const name = parseRange(b, i, nameEnd) as string;
        i = skipSpace(b, nameEnd);
        if (b[i] !== COLON) throw new JsonScanError('expected :', i);
        i = skipSpace(b, i + 1);
        // A list a later member of the same name replaces is never sliced: JSON.parse still checks all of it.
        if (name === listKey && list !== undefined) parseRange(b, list.open, list.close + 1);
        if (name === listKey && b[i] === OPEN_ARRAY) {
          const found = elements(b, i);
          list = found.ranges;
          members.set(name, LIST);
          i = found.end;
        } else {
          const end = valueEnd(b, i);
          if (name === listKey) list = undefined;
          members.set(name, parseRange(b, i, end));
          i = end;
        }
        i = skipSpace(b, i);
        if (b[i] === CLOSE_OBJECT) {
          i++;
          break;
        }
        if (b[i] !== COMMA) throw new JsonScanError('expected , or } in an object', i);
        i = skipSpace(b, i + 1);
      }
    }
    scanned = { kind: 'object', members, list };
  } else {
    return { kind: 'other', value: parseRange(b, 0, b.length) };
  }
  i = skipSpace(b, i);
  if (i !== b.length) throw new JsonScanError('unexpected bytes after the JSON value', i);
  return scanned;
}

/**
 * Elements `from` to `to` (exclusive) of a scanned list, parsed. Fails if JSON.parse finds anything but
 * exactly those elements in their bytes.
 */
export function parseElements(b: Buffer, list: ElementRanges, from: number, to: number): unknown[] {
  if (to <= from) return [];
  const start = list.starts[from] as number;
  const end = list.ends[to - 1] as number;
  let parsed: unknown;
  try {
    parsed = JSON.parse(`[${b.toString('utf8', start, end)}]`);
  } catch {
    throw new JsonScanError(`elements ${from} to ${to - 1} are not valid JSON`, start);
  }
  if (!Array.isArray(parsed) || parsed.length !== to - from) {
    throw new JsonScanError(`elements ${from} to ${to - 1} are not ${to - from} JSON values`, start);
  }
  return parsed;
}
