// Page envelopes, validated at the edge: each paging style's response → the engine's Page.
import { z } from 'zod';
import { SourceError } from '../engine/errors.js';
import type { Page } from '../engine/paging.js';
import type { Row } from '../engine/types.js';
import type { PagingStyle } from '../stream-def.js';
import { anyListPage } from './list-envelopes.js';

// Each row must be an object; its fields are the stream's business (shapes check what they use). Checking
// every key of every row here cost a tenth of an analytics sync's CPU.
export const isRow = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);
const rows = z.array(z.custom<Row>(isRow, 'must be an object'));
const token = z.string().nullish();

/**
 * Each paging style, declared: the response fields that may hold the next token, in the order they are
 * tried, each with the query parameter that carries it back. Nothing is guessed: a style with one field takes
 * that field or nothing; the one style with two names both, because both are documented for its endpoint.
 */
export const PAGING_STYLES: Readonly<
  Record<Exclude<PagingStyle, 'any_list'>, readonly (readonly [field: string, param: string])[]>
> = {
  // Analytics and Admin usage: {"data":[…],"has_more":true,"next_page":"opaque"} → page=…
  page: [['next_page', 'page']],
  // Compliance log listing: last_end_time goes back as `after`
  after_end_time: [['last_end_time', 'after']],
  // An opaque `cursor` sent back as `cursor`
  cursor: [['cursor', 'cursor']],
  // Codex tasks: clients of the real API send `cursor` back; older ones send `last_id` as `after` (codex-api.md)
  cursor_or_last_id: [
    ['cursor', 'cursor'],
    ['last_id', 'after'],
  ],
  // OpenAI list endpoints: after=<last_id>
  after_last_id: [['last_id', 'after']],
  // OpenAI's newer list endpoints (groups, group users, roles): after=<next>
  after_next: [['next', 'after']],
};

const ENVELOPES = Object.fromEntries(
  Object.entries(PAGING_STYLES).map(([style, fields]) => [
    style,
    z.looseObject({
      data: rows,
      has_more: z.boolean(),
      ...Object.fromEntries(fields.map(([field]) => [field, token])),
    }),
  ]),
) as Record<string, z.ZodType> as Record<Exclude<PagingStyle, 'any_list'>, z.ZodType>;

/** Whether a style's token names its parameter (`param=value`): styles with more than one token field. */
const tagged = (style: PagingStyle): boolean => style === 'any_list' || PAGING_STYLES[style].length > 1;

export function toPage(style: PagingStyle, body: unknown, what: string): Page<Row> {
  if (style === 'any_list') return anyListPage(body, what);
  const parsed = ENVELOPES[style].safeParse(body);
  if (!parsed.success) {
    throw new SourceError(
      `${what}: the API answered 200 but not with the expected page envelope (data array and has_more): ${describe(parsed.error)}. This is an API fault; report it if it persists.`,
      { code: 'MALFORMED_ENVELOPE', failureType: 'system_error' },
    );
  }
  const env = parsed.data as Record<string, unknown> & { data: Row[]; has_more: boolean };
  return { rows: env.data, hasMore: env.has_more, next: nextToken(style, env) };
}

function nextToken(style: Exclude<PagingStyle, 'any_list'>, env: Record<string, unknown>): string | null {
  for (const [field, param] of PAGING_STYLES[style]) {
    const value = env[field];
    if (typeof value === 'string' && value !== '') return tagged(style) ? `${param}=${value}` : value;
  }
  return null;
}

/**
 * A raw row's identity within one page loop, for the progress bound (engine/progress.ts): its `id`, else
 * its time bucket and user (Analytics rows and Admin usage buckets have no id). Only ever compared within
 * one stream's loop, so it need not be a primary key, only distinct for distinct rows of a well-behaved API.
 */
export function rowIdentity(row: Row): string {
  if (typeof row.id === 'string' || typeof row.id === 'number') return `id ${row.id}`;
  const actor = (isRow(row.actor) ? row.actor : {}) as Row;
  const who = row.user_id ?? actor.user_id ?? row.email ?? '';
  return `t ${String(row.start_time)} ${String(row.end_time)} ${String(who)}`;
}

/** The query parameter (and value) that carries a token back to the API. */
export function tokenParam(style: PagingStyle, token: string): [string, string] {
  if (tagged(style)) {
    const eq = token.indexOf('=');
    return [token.slice(0, eq), token.slice(eq + 1)];
  }
  const [first] = PAGING_STYLES[style as Exclude<PagingStyle, 'any_list'>];
  return [first?.[1] ?? 'after', token];
}

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || 'body'} ${i.message}`)
    .join('; ');
}
