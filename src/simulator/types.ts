// The simulator's plug-in contract. The simulator is a separate program: nothing under src/ outside
// src/simulator/ imports it, except main.ts (lazily, for the `simulate` command) and src/demo/.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The three origins the simulator serves, mirroring the three real hosts. */
export type SimHost = 'api' | 'admin' | 'files';

/** Scope a key carries; a key used on a route of another scope gets 403. */
export type SimScope = 'analytics' | 'compliance' | 'admin';

export interface SimKeys {
  analytics: string;
  compliance: string;
  admin: string;
  /** A key the simulator knows but that carries no scope at all (403 everywhere). */
  noScope: string;
  /** A project key (`sk-proj-…`) given in `admin_api_key`: Admin API answers 403 with an OpenAI-style body. */
  nonAdmin: string;
}

export type FaultKind =
  // generic, applied by the server core to any route
  | 'status' // answer `status` (default 500) with an error body; 429 may carry retryAfter
  | 'reset' // destroy the socket after part of the body was sent
  | 'truncate' // send a JSON body cut in the middle, with a matching Content-Length lie avoided (chunked)
  | 'latency' // delay the answer by `ms`
  | 'revoke_key' // from now on the route's key answers 401 (times ignored)
  // paging faults, applied by route modules
  | 'repeat_cursor' // the next page token equals the token just received
  | 'empty_pages' // `count` empty pages with has_more:true before real data continues
  | 'malformed_envelope' // a 200 whose JSON lacks `data` / `has_more`
  | 'null_last_end_time' // compliance listing: has_more:true with last_end_time null
  // compliance download faults
  | 'sha_mismatch' // the served bytes differ from file_sha256 (one byte changed)
  | 'expired_url' // the signed URL answers 403 as if expired
  | 'truncated_download' // the file body stops early (connection closed cleanly)
  | 'reset_download' // the file body's socket is destroyed mid-way
  | 'malformed_line'; // one line of the file is not JSON (the sha matches these bytes)

export interface FaultSpec {
  kind: FaultKind;
  /** Route name (see Route.name) or '*' for every route. */
  route: string;
  /** How many requests it affects; default 1. Infinity allowed. */
  times?: number;
  /** Skip this many matching requests before the fault starts; default 0. */
  after?: number;
  status?: number;
  /** For 429/503: `Retry-After` as seconds ('2'), an HTTP date, or null for no header. */
  retryAfter?: string | null;
  ms?: number;
  count?: number;
  /** For file faults: restrict to this log file id. */
  fileId?: string;
}

export interface FaultRegistry {
  add(spec: FaultSpec): void;
  clear(): void;
  /** Consume one matching fault of `kind` for `route` (and file), or undefined. */
  take(route: string, kind: FaultKind, fileId?: string): FaultSpec | undefined;
}

export interface RequestRecord {
  host: SimHost;
  route: string;
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  hasAuthorization: boolean;
  status: number;
  at: number;
}

export interface SimStats {
  requests: RequestRecord[];
  /** Requests that reached the files host carrying an Authorization header. Must stay 0. */
  authorizationAtFileHost(): number;
  count(route?: string): number;
  reset(): void;
}

export interface SimContext {
  seed: number;
  workspaceIds: string[];
  keys: SimKeys;
  /** The simulator's clock in epoch ms (real time unless fixed by an option). */
  now(): number;
  faults: FaultRegistry;
  stats: SimStats;
  /** e.g. http://127.0.0.1:41234 — the origin of each host. */
  origins: Record<SimHost, string>;
  /** Incremented by Simulator.advanceEpoch(): recent analytics days are restated per epoch. */
  epoch: number;
  options: Required<SimSizeOptions>;
}

/** `cursor`: {data,has_more,cursor}; `last_id`: {object:list,data,has_more,first_id,last_id} (after=);
 * `next_page`: {object:page,data,has_more,next_page} (page=); `bare`: […]; `data_only`: {data}; `unknown`:
 * an envelope no list endpoint of the family uses ({environments,total}). */
export type EnvironmentsEnvelope = 'cursor' | 'last_id' | 'next_page' | 'bare' | 'data_only' | 'unknown';

export interface SimSizeOptions {
  seed?: number;
  workspaces?: number;
  users?: number;
  days?: number;
  /** Compliance: log files per day per event type (default 4), events per file (default 20). */
  logFilesPerDay?: number;
  eventsPerFile?: number;
  /** Compliance: bytes of padding per event to make large files for benchmarks (default 0). */
  eventPaddingBytes?: number;
  /** Compliance: hours the log files (and max_event_time) trail the clock (default 0). */
  complianceLagHours?: number;
  tasks?: number;
  environments?: number;
  /** Compliance: the list envelope /codex_environments answers with (no public source shows the real one). */
  environmentsEnvelope?: EnvironmentsEnvelope;
  /** Admin: projects, users, audit log events. */
  projects?: number;
  orgUsers?: number;
  auditEvents?: number;
  /** Per workspace and route, per minute; beyond it 429 with Retry-After. */
  rateLimitPerMinute?: number;
  /** Analytics: the largest `limit` accepted (the reference says 30,000); above it 422 naming `limit`. */
  maxPageSize?: number;
  /** Latency added to every request, ms. */
  latencyMs?: number;
  /** Admin usage: the bucket array key emitted ('results' as documented by examples, or 'result'). */
  bucketArrayKey?: 'results' | 'result';
  /** Admin: whether the key may read tenant-scoped audit events (tenant_only=true); false answers 403. */
  adminTenantAudit?: boolean;
}

export interface SimRequest {
  raw: IncomingMessage;
  host: SimHost;
  url: URL;
  /** Path parameters captured by the route pattern's named groups. */
  params: Record<string, string>;
  /** The key from `Authorization: Bearer …`, if any. */
  key: string | undefined;
}

export interface Route {
  /** Stable name used by faults and stats, e.g. 'usage', 'logs', 'log_download', 'admin_users'. */
  name: string;
  host: SimHost;
  method: 'GET';
  /** Matched against the URL path; named groups become params (e.g. (?<workspace_id>[^/]+)). */
  pattern: RegExp;
  /** Scope required; null for the files host (signed URLs, no key). */
  scope: SimScope | null;
  /** The workspace param is checked by the core (404 for unknown) when the pattern has one. */
  handle(req: SimRequest, res: ServerResponse, ctx: SimContext): Promise<void> | void;
}

/** A family module exports its routes and, for tests, its ground truth. */
export interface RouteModule {
  routes: Route[];
}
