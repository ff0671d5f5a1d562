// How far behind the Compliance logs are: GET …/compliance/workspaces/{ws}/max_event_time?event_type=T
// answers `{"max_event_time": {"T": "2026-11-01T10:00:00Z" | null}}`, the newest event the API holds. A
// deployment without the endpoint answers 404: then there is nothing to say, and nothing fails.
import { SourceError } from '../engine/errors.js';
import { withQuery, type ApiClient } from './client.js';

export interface Freshness {
  workspaceId: string;
  eventType: string;
  /** The newest event time, verbatim; null when the API holds no event of the type. */
  maxEventTime: string | null;
  /** now − maxEventTime in ms; null when there is no event or the time does not parse. */
  lagMs: number | null;
}

/** The freshness of one workspace and event type; undefined when the API does not offer it (404). */
export async function fetchFreshness(
  client: ApiClient,
  workspaceId: string,
  eventType: string,
  nowMs: number,
): Promise<Freshness | undefined> {
  const url = withQuery(client.url('compliance', '/max_event_time', workspaceId), { event_type: eventType });
  let body: unknown;
  try {
    body = await client.getJson('compliance', url, workspaceId);
  } catch (error) {
    if (error instanceof SourceError && error.status === 404) return undefined;
    throw error;
  }
  const times = (body as { max_event_time?: unknown } | null)?.max_event_time;
  const value =
    typeof times === 'object' && times !== null ? (times as Record<string, unknown>)[eventType] : undefined;
  if (value !== null && typeof value !== 'string') {
    throw new SourceError(
      `Compliance API GET ${url.pathname} answered without max_event_time.${eventType} (top-level keys: ${topKeys(body)}).`,
      { code: 'MALFORMED_ENVELOPE', failureType: 'system_error' },
    );
  }
  const ms = value === null ? NaN : Date.parse(value);
  return { workspaceId, eventType, maxEventTime: value, lagMs: Number.isFinite(ms) ? nowMs - ms : null };
}

function topKeys(body: unknown): string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'none, not an object';
  return Object.keys(body).slice(0, 10).join(', ') || 'none';
}

export type FreshnessCheck = Freshness | { workspaceId: string; eventType: string; error: string };

/** For `check`: every accepted workspace × configured event type; 404s are left out, other errors kept. */
export async function checkFreshness(
  client: ApiClient,
  acceptedWorkspaces: readonly string[],
  eventTypes: readonly string[],
  nowMs: number,
): Promise<FreshnessCheck[]> {
  const out: FreshnessCheck[] = [];
  for (const workspaceId of acceptedWorkspaces) {
    for (const eventType of eventTypes) {
      try {
        const f = await fetchFreshness(client, workspaceId, eventType, nowMs);
        if (f !== undefined) out.push(f);
      } catch (error) {
        out.push({ workspaceId, eventType, error: error instanceof Error ? error.message : String(error) });
      }
    }
  }
  return out;
}
