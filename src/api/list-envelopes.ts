// The `any_list` paging style, for an endpoint whose envelope no public source shows (codex_environments):
// it reads every list envelope this API family uses, and nothing else.
//   {"data":[…],"has_more":true,"cursor":"…"}     → next request `cursor=…`
//   {"data":[…],"has_more":true,"next_page":"…"}  → `page=…`
//   {"data":[…],"has_more":true,"last_id":"…"}    → `after=…`
//   {"data":[…]} (no has_more), or a bare […]      → one page, the whole list
// Anything else fails, quoting the body's top-level keys and never its values (they may hold names or data).
import { SourceError } from '../engine/errors.js';
import type { Page } from '../engine/paging.js';
import type { Row } from '../engine/types.js';

const isRow = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Token sources in order of preference, each with the query parameter that carries it back. */
const TOKENS = [
  ['cursor', 'cursor'],
  ['next_page', 'page'],
  ['last_id', 'after'],
] as const;

function unreadable(what: string, body: unknown, problem: string): SourceError {
  const keys = Array.isArray(body)
    ? 'none (a bare array)'
    : typeof body === 'object' && body !== null
      ? Object.keys(body).slice(0, 20).join(', ') || 'none (an empty object)'
      : `none (a JSON ${body === null ? 'null' : typeof body})`;
  return new SourceError(
    `${what}: the API answered 200 with a list envelope this connector cannot read (${problem}; top-level keys: ${keys}). Expected \`data\` (an array of objects), optionally with \`has_more\` and \`cursor\`, \`next_page\` or \`last_id\`, or a bare array. Report these keys so the connector can learn this envelope.`,
    { code: 'MALFORMED_ENVELOPE', failureType: 'system_error' },
  );
}

function rowsOf(what: string, body: unknown, list: unknown): Row[] {
  if (!Array.isArray(list)) throw unreadable(what, body, 'no `data` array');
  if (!list.every(isRow)) throw unreadable(what, body, 'an element of the list is not an object');
  return list;
}

export function anyListPage(body: unknown, what: string): Page<Row> {
  if (Array.isArray(body)) return { rows: rowsOf(what, body, body), hasMore: false, next: null };
  if (!isRow(body)) throw unreadable(what, body, 'not a JSON object or array');
  const rows = rowsOf(what, body, body.data);
  if (body.has_more === undefined || body.has_more === null) return { rows, hasMore: false, next: null };
  if (typeof body.has_more !== 'boolean') throw unreadable(what, body, '`has_more` is not true or false');
  for (const [field, param] of TOKENS) {
    const token = body[field];
    if (typeof token === 'string' && token !== '')
      return { rows, hasMore: body.has_more, next: `${param}=${token}` };
  }
  return { rows, hasMore: body.has_more, next: null };
}
