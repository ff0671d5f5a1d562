// Audit log events. Time is cut into fixed slots of `days·86400/auditEvents` seconds, one event per slot, keyed
// by the absolute slot number: an event never changes or moves as the clock advances, new ones keep appearing
// (some always within the last hours), and about `auditEvents` of them fall in the last `days` days.
import { actorOf, MAKERS, TENANT_MAKERS, TYPES, type Made } from './admin-audit-makers.js';
import type { Org } from './admin-org.js';
import { DAY, drawId, nowSec } from './admin-query.js';
import { draw } from './prng.js';
import type { SimContext } from './types.js';

export interface AuditEvent {
  id: string;
  type: string;
  effective_at: number;
  project?: { id: string; name: string };
  actor: Record<string, unknown>;
  [details: string]: unknown;
}

function eventAt(seed: number, slot: number, width: number, org: Org): AuditEvent {
  const d = draw(seed, 'audit', slot);
  const id = drawId('audit_log-', d);
  const effective_at = slot * width + d.int(0, width - 1);
  const type = d.pick(TYPES);
  const made: Made = (MAKERS[type] ?? TENANT_MAKERS[type])?.(d, org) ?? {};
  const event: AuditEvent = { id, type, effective_at, actor: actorOf(d, type, org, made.project) };
  if (made.project) event.project = { id: made.project.id, name: made.project.name };
  if (made.details) event[type] = made.details;
  return event;
}

// Events never change once made, and a large log is re-scanned on every page request: remember them.
const memo = new Map<string, AuditEvent>();

function cachedEventAt(ctx: SimContext, slot: number, width: number, org: Org): AuditEvent {
  const key = [ctx.seed, ctx.options.projects, ctx.options.orgUsers, width, slot].join('|');
  let event = memo.get(key);
  if (!event) {
    if (memo.size > 1_000_000) memo.clear();
    event = eventAt(ctx.seed, slot, width, org);
    memo.set(key, event);
  }
  return event;
}

/** Every event in (now − days, now], newest first. An org without users or projects has none. */
export function auditEvents(ctx: SimContext, org: Org): AuditEvent[] {
  const { days, auditEvents: count } = ctx.options;
  if (count <= 0 || days <= 0 || org.users.length === 0 || org.projects.length === 0) return [];
  const width = Math.max(1, Math.floor((days * DAY) / count));
  const now = nowSec(ctx);
  const oldest = now - days * DAY;
  const events: AuditEvent[] = [];
  for (let slot = Math.floor(now / width); slot * width + width > oldest; slot--) {
    const event = cachedEventAt(ctx, slot, width, org);
    if (event.effective_at <= now && event.effective_at > oldest) events.push(event);
  }
  return events;
}
