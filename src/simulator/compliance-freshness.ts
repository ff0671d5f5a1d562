// GET /v1/compliance/workspaces/{id}/max_event_time?event_type=T → {"max_event_time": {"T": ISO | null}}:
// the newest event the listing holds (the last line of the newest listed file), null for a type without
// files. It trails the clock as the files do (option complianceLagHours).
import { eventAt } from './compliance-content.js';
import {
  DOCUMENTED_EVENT_TYPES,
  fileRefsIn,
  isWorkspaceFileType,
  logClockUs,
  RETENTION_US,
} from './compliance-files.js';
import { sendJson, sendValidationError } from './http-util.js';
import type { Route, SimContext } from './types.js';

/** Files of the last day are enough: the newest one is within a day of the log clock. */
const SEARCH_US = 86_400_000_000;

function maxEventTime(ctx: SimContext, workspaceId: string, eventType: string): string | null {
  if (!isWorkspaceFileType(eventType) || ctx.options.eventsPerFile === 0) return null;
  const nowUs = logClockUs(ctx);
  for (const span of [SEARCH_US, RETENTION_US]) {
    const window = { afterUs: nowUs - span, beforeUs: Infinity, limit: Infinity };
    const last = fileRefsIn(ctx, workspaceId, eventType, window).at(-1);
    if (last) return String(eventAt(ctx, last, ctx.options.eventsPerFile - 1).timestamp);
  }
  return null;
}

export function freshnessRoute(): Route {
  return {
    name: 'max_event_time',
    host: 'api',
    method: 'GET',
    pattern: /^\/v1\/compliance\/workspaces\/(?<workspace_id>[^/]+)\/max_event_time$/,
    scope: 'compliance',
    handle: (req, res, ctx) => {
      const eventType = req.url.searchParams.get('event_type');
      if (eventType === null || !DOCUMENTED_EVENT_TYPES.includes(eventType)) {
        const types = DOCUMENTED_EVENT_TYPES.join(', ');
        return sendValidationError(res, 'api', 'event_type', `event_type must be one of ${types}`);
      }
      const time = maxEventTime(ctx, req.params.workspace_id ?? '', eventType);
      sendJson(res, 200, { max_event_time: { [eventType]: time } });
    },
  };
}
