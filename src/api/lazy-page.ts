// A page body → the engine's Page, its rows parsed only as far as they are needed now. The envelope is checked
// at once, exactly as envelopes.ts checks a parsed body (an element is an object when its first byte is `{`),
// so a malformed page fails where it always did, inside the retry. A page of up to SLICE_ROWS rows is parsed
// at once too; a larger one keeps its bytes and hands out SLICE_ROWS parsed rows at a time (json-scan.ts).
import { SourceError } from '../engine/errors.js';
import { SLICE_ROWS, type FetchedPage, type PageRows } from '../engine/paging.js';
import type { Row } from '../engine/types.js';
import type { PagingStyle } from '../stream-def.js';
import { notJson } from './body.js';
import { toPage } from './envelopes.js';
import {
  LIST,
  OPEN_OBJECT,
  parseElements,
  scanBody,
  type ElementRanges,
  type ScannedBody,
} from './json-scan.js';

/** Stands for an element that is an object while the envelope is checked; never handed out. */
const AN_OBJECT: Row = Object.freeze({}) as Row;

class SlicedRows implements PageRows<Row> {
  private body: Buffer | undefined;

  constructor(
    body: Buffer,
    private readonly list: ElementRanges,
    private readonly what: string,
  ) {
    this.body = body;
  }

  get count(): number {
    return this.list.starts.length;
  }

  *slices(): Generator<Row[]> {
    const body = this.body;
    if (body === undefined) throw new Error(`${this.what}: a page's rows are read once`);
    this.body = undefined; // the bytes go with the last slice, not with this object
    const { count } = this;
    for (let at = 0; at < count; at += SLICE_ROWS) {
      const to = Math.min(at + SLICE_ROWS, count);
      let rows: Row[];
      try {
        rows = parseElements(body, this.list, at, to) as Row[];
      } catch {
        throw new SourceError(
          `${this.what}: rows ${at + 1} to ${to} of a page of ${count} are not valid JSON, though the page's envelope is. This is an API fault; report it if it persists. Data up to the last STATE is safe.`,
          { code: 'BODY_NOT_JSON', failureType: 'system_error' },
        );
      }
      yield rows;
    }
  }
}

/** A page's bytes → its Page: envelope checked now, rows now (small pages) or slice by slice (large ones). */
export function pageOf(style: PagingStyle, body: Buffer, what: string): FetchedPage<Row> {
  let scanned: ScannedBody;
  try {
    scanned = scanBody(body, 'data');
  } catch {
    throw notJson(what, body.length);
  }
  if (scanned.kind === 'other') return toPage(style, scanned.value, what);
  const { list } = scanned;
  const lazy = list !== undefined && list.starts.length > SLICE_ROWS;
  let data: Row[] | undefined;
  if (list !== undefined && !lazy) {
    try {
      data = parseElements(body, list, 0, list.starts.length) as Row[];
    } catch {
      throw notJson(what, body.length);
    }
  } else if (list !== undefined) {
    data = list.starts.map((start) => (body[start] === OPEN_OBJECT ? AN_OBJECT : (null as unknown as Row)));
  }
  const shell =
    scanned.kind === 'array'
      ? data
      : Object.fromEntries(
          [...scanned.members].map(([name, value]) => [name, value === LIST ? data : value]),
        );
  const page = toPage(style, shell, what);
  return lazy ? { ...page, rows: new SlicedRows(body, list, what) } : page;
}
