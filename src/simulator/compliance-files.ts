// The log-file timeline. Files sit on an absolute grid (file `index` n closes near n × spacing since the
// Unix epoch), so a file keeps its id, end_time and content while the 30-day retention window slides over
// it: a later sync sees the same files, new ones appended, and old ones gone — as the real API behaves.
import { memoize } from './compliance-rng.js';
import { idFrom, randInt } from './random.js';
import type { SimContext } from './types.js';

/** The Codex types, which a connector reads by default. */
export const LOG_EVENT_TYPES = ['CODEX_LOG', 'CODEX_SECURITY_LOG'] as const;
/** Workspace types that hold files here: the Codex ones, and AUTH_LOG for a connector that opts in to more. */
export const WORKSPACE_FILE_TYPES = [...LOG_EVENT_TYPES, 'AUTH_LOG'] as const;
/** Organization-scope types (`/compliance/organizations/{org}/logs`): Codex billing. */
export const ORGANIZATION_FILE_TYPES = ['COSTS'] as const;
export type LogEventType = (typeof WORKSPACE_FILE_TYPES)[number] | (typeof ORGANIZATION_FILE_TYPES)[number];

/** Workspace types the API accepts; AUDIT_LOG holds no files here. */
export const DOCUMENTED_EVENT_TYPES: readonly string[] = [...WORKSPACE_FILE_TYPES, 'AUDIT_LOG'];

export const DAY_US = 86_400_000_000;
export const RETENTION_US = 30 * DAY_US;

export interface FileRef {
  /** The workspace, or for organization-scope types the organization (`org-…`). */
  workspaceId: string;
  eventType: LogEventType;
  index: number;
}

const TYPE_CODE: Record<LogEventType, string> = {
  CODEX_LOG: 'c',
  CODEX_SECURITY_LOG: 's',
  AUTH_LOG: 'a',
  COSTS: 'k',
};
const FILE_ID = /^eclf_([0-9a-z]+)([csak])([A-Za-z0-9_-]{8})$/;
const ALL_TYPES = [...WORKSPACE_FILE_TYPES, ...ORGANIZATION_FILE_TYPES] as const;

export function isWorkspaceFileType(value: string): value is LogEventType {
  return (WORKSPACE_FILE_TYPES as readonly string[]).includes(value);
}

export function isOrganizationFileType(value: string): value is LogEventType {
  return (ORGANIZATION_FILE_TYPES as readonly string[]).includes(value);
}

/** The organization whose Compliance logs the simulator serves; derived from the seed. */
export function organizationIdOf(seed: number): string {
  // Real organization ids are letters and digits after `org-`.
  return `org-${idFrom('', seed, 'organization', 0).replace(/[-_]/g, 'x')}`;
}

function tag(seed: number, ref: FileRef): string {
  return idFrom('', seed, 'log-file', ref.workspaceId, ref.eventType, ref.index).slice(0, 8);
}

/** Reversible, so a download needs no lookup table; the keyed tag makes ids of other workspaces unknown. */
export function fileIdOf(seed: number, ref: FileRef): string {
  return `eclf_${ref.index.toString(36)}${TYPE_CODE[ref.eventType]}${tag(seed, ref)}`;
}

export function decodeFileId(seed: number, workspaceId: string, id: string): FileRef | undefined {
  const m = FILE_ID.exec(id);
  if (!m || m[1] === undefined) return undefined;
  const eventType = ALL_TYPES.find((t) => TYPE_CODE[t] === m[2]);
  if (eventType === undefined) return undefined;
  const ref: FileRef = { workspaceId, eventType, index: parseInt(m[1], 36) };
  return tag(seed, ref) === m[3] ? ref : undefined;
}

function spacingUs(ctx: SimContext): number {
  return Math.floor(DAY_US / Math.max(1, ctx.options.logFilesPerDay));
}

/** end_time in epoch µs: the grid point plus a sub-second jitter, so every file shows real microseconds. */
export const endUsOf = memoize(
  (ctx: SimContext, ref: FileRef) =>
    `${ctx.seed}|${ctx.options.logFilesPerDay}|${ref.workspaceId}|${ref.eventType}|${ref.index}`,
  (ctx: SimContext, ref: FileRef): number => {
    const spacing = spacingUs(ctx);
    const jitterMax = Math.max(1, Math.min(1_000_000, Math.floor(spacing / 2)));
    const jitter = randInt(
      ctx.seed,
      0,
      jitterMax - 1,
      'end-jitter',
      ref.workspaceId,
      ref.eventType,
      ref.index,
    );
    return ref.index * spacing + jitter;
  },
);

/**
 * Now, as far as log files are concerned (epoch µs): `complianceLagHours` behind the clock, to play a
 * backend whose logs fall behind (files close late, and max_event_time trails with them).
 */
export function logClockUs(ctx: SimContext): number {
  return (ctx.now() - ctx.options.complianceLagHours * 3_600_000) * 1000;
}

export interface FileWindow {
  /** Strictly later than this (µs); -Infinity for no bound. */
  afterUs: number;
  /** Strictly earlier than this (µs); Infinity for no bound. */
  beforeUs: number;
  limit: number;
}

/**
 * Files listed now, ascending end_time: retained (end_time within the last 30 days) and closed
 * (end_time ≤ now), inside the window. Returns up to limit + 1 refs so callers can tell has_more.
 */
export function fileRefsIn(
  ctx: SimContext,
  workspaceId: string,
  eventType: LogEventType,
  w: FileWindow,
): FileRef[] {
  const nowUs = logClockUs(ctx);
  const lower = Math.max(w.afterUs, nowUs - RETENTION_US);
  const refs: FileRef[] = [];
  // end_time lies in [index × spacing, index × spacing + spacing / 2), so no earlier index can pass `lower`.
  for (let index = Math.max(0, Math.floor(lower / spacingUs(ctx))); refs.length <= w.limit; index++) {
    const ref: FileRef = { workspaceId, eventType, index };
    const end = endUsOf(ctx, ref);
    if (end > nowUs || end >= w.beforeUs) break;
    if (end > lower) refs.push(ref);
  }
  return refs;
}

/** Whether the file is listed right now (downloads of vanished or unclosed files answer 404). */
export function isListed(ctx: SimContext, ref: FileRef): boolean {
  const end = endUsOf(ctx, ref);
  const nowUs = logClockUs(ctx);
  const scopes = isOrganizationFileType(ref.eventType) ? [organizationIdOf(ctx.seed)] : ctx.workspaceIds;
  return end <= nowUs && end > nowUs - RETENTION_US && scopes.includes(ref.workspaceId);
}
