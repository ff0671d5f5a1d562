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

const ENVELOPES: Record<Exclude<PagingStyle, 'any_list'>, z.ZodType> = {
  // Analytics and Admin usage: {"data":[…],"has_more":true,"next_page":"opaque"}
  page: z.looseObject({ data: rows, has_more: z.boolean(), next_page: token }),
  // Compliance log listing: next request passes last_end_time as `after`
  after_end_time: z.looseObject({ data: rows, has_more: z.boolean(), last_end_time: token }),
  // Codex tasks and environments: `cursor`, or the older `last_id` style
  cursor: z.looseObject({ data: rows, has_more: z.boolean(), cursor: token, last_id: token }),
  // OpenAI list endpoints: after=<last_id>
  after_last_id: z.looseObject({ data: rows, has_more: z.boolean(), last_id: token }),
  // OpenAI's newer list endpoints (groups, group users, roles): after=<next>
  after_next: z.looseObject({ data: rows, has_more: z.boolean(), next: token }),
};

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
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  switch (style) {
    case 'page':
      return str(env.next_page);
    case 'after_end_time':
      return str(env.last_end_time);
    case 'after_last_id':
      return str(env.last_id);
    case 'after_next':
      return str(env.next);
    case 'cursor': {
      // Tag the token with the parameter it goes back in, since both variants exist.
      const cursor = str(env.cursor);
      if (cursor !== null) return `cursor=${cursor}`;
      const last = str(env.last_id);
      return last === null ? null : `after=${last}`;
    }
  }
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
  switch (style) {
    case 'page':
      return ['page', token];
    case 'after_end_time':
    case 'after_last_id':
    case 'after_next':
      return ['after', token];
    case 'cursor':
    case 'any_list': {
      const eq = token.indexOf('=');
      return [token.slice(0, eq), token.slice(eq + 1)];
    }
  }
}

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || 'body'} ${i.message}`)
    .join('; ');
}
