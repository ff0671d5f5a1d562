// Query parsing for the OpenAI Admin API family, plus the error plumbing and id helper its modules share.
import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { sendError, sendValidationError } from './http-util.js';
import type { SimContext, SimRequest } from './types.js';

export const DAY = 86_400;

/** A 400 for one query parameter; thrown by parsers, answered by `guarded`. */
export class BadParam extends Error {
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(message);
  }
}

/** A 404 with an OpenAI-style body (e.g. an unknown project id in the path). */
export class NotFound extends Error {}

type Handler = (req: SimRequest, res: ServerResponse, ctx: SimContext) => void;

/** Turns thrown BadParam/NotFound into the admin host's error bodies, so handlers read straight through. */
export function guarded(handler: Handler): Handler {
  return (req, res, ctx) => {
    try {
      handler(req, res, ctx);
    } catch (err) {
      if (err instanceof BadParam) sendValidationError(res, 'admin', err.param, err.message);
      else if (err instanceof NotFound) sendError(res, 'admin', 404, err.message);
      else throw err;
    }
  };
}

/** Array parameters: OpenAI accepts repeated keys (`models=a&models=b`) and the `models[]=a` form alike. */
export function listParam(url: URL, name: string): string[] {
  return [...url.searchParams.getAll(name), ...url.searchParams.getAll(`${name}[]`)]
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** A Unix-seconds parameter, or undefined when absent. */
export function unixParam(url: URL, name: string): number | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null) return undefined;
  if (!/^\d+$/.test(raw))
    throw new BadParam(name, `Invalid '${name}': expected a Unix timestamp in seconds.`);
  return Number(raw);
}

export function boolParam(url: URL, name: string, fallback: boolean): boolean {
  const raw = url.searchParams.get(name);
  if (raw === null) return fallback;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  throw new BadParam(name, `Invalid '${name}': expected true or false.`);
}

/** The simulator's current time in Unix seconds. */
export function nowSec(ctx: SimContext): number {
  return Math.floor(ctx.now() / 1000);
}

/** Index of the UTC day (days since the epoch) containing `now`. */
export function today(ctx: SimContext): number {
  return Math.floor(nowSec(ctx) / DAY);
}

/** `YYYY-MM-DD` → UTC day index. */
export function dayIndex(isoDay: string): number {
  const ms = Date.parse(`${isoDay}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new Error(`not a day: ${isoDay}`);
  return ms / 1000 / DAY;
}

/** An alphanumeric id such as `proj_4fKq…`: OpenAI's ids never contain `-` or `_` after the prefix. */
export function orgId(prefix: string, seed: number, ...parts: (string | number)[]): string {
  const hash = createHash('sha256')
    .update(`${seed}|admin|${parts.join('|')}`)
    .digest('base64');
  return prefix + hash.replace(/[^A-Za-z0-9]/g, '').slice(0, 20);
}
