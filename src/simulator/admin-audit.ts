// Audit log events. Time is cut into fixed slots of `days·86400/auditEvents` seconds, one event per slot, keyed
// by the absolute slot number: an event never changes or moves as the clock advances, new ones keep appearing
// (some always within the last hours), and about `auditEvents` of them fall in the last `days` days.
import type { Org, OrgProject } from './admin-org.js';
import { DAY, nowSec, orgId } from './admin-query.js';
import { pick, rand, randInt } from './random.js';
import type { SimContext } from './types.js';

export interface AuditEvent {
  id: string;
  type: string;
  effective_at: number;
  project?: { id: string; name: string };
  actor: Record<string, unknown>;
  [details: string]: unknown;
}

interface Made {
  project?: OrgProject;
  details?: Record<string, unknown>;
}

type Maker = (seed: number, slot: number, org: Org) => Made;

const anyProject = (seed: number, slot: number, org: Org): OrgProject =>
  pick(seed, org.projects, 'ev-proj', slot);

function keyEvent(change: (id: string) => Record<string, unknown>): Maker {
  return (seed, slot, org) => {
    const project = anyProject(seed, slot, org);
    const keys = org.apiKeys.get(project.id) ?? [];
    const id = keys.length > 0 ? pick(seed, keys, 'ev-key', slot).id : orgId('key_', seed, 'ev-key', slot);
    return { project, details: change(id) };
  };
}

function projectEvent(change: (p: OrgProject) => Record<string, unknown>): Maker {
  return (seed, slot, org) => {
    const project = anyProject(seed, slot, org);
    return { project, details: change(project) };
  };
}

function userEvent(change: (id: string) => Record<string, unknown>): Maker {
  return (seed, slot, org) => ({ details: change(pick(seed, org.users, 'ev-user', slot).id) });
}

/** login.succeeded and logout.succeeded carry no details key, as in the API reference. */
const MAKERS: Record<string, Maker> = {
  'api_key.created': keyEvent((id) => ({ id, data: { scopes: ['/v1/*'] } })),
  'api_key.updated': keyEvent((id) => ({ id, changes_requested: { scopes: ['/v1/chat/completions'] } })),
  'api_key.deleted': keyEvent((id) => ({ id })),
  'login.succeeded': () => ({}),
  'login.failed': () => ({
    details: { error_code: 'invalid_credentials', error_message: 'Wrong email or password.' },
  }),
  'logout.succeeded': () => ({}),
  'project.created': projectEvent((p) => ({ id: p.id, data: { name: p.name, title: p.name } })),
  'project.updated': projectEvent((p) => ({ id: p.id, changes_requested: { title: `${p.name} (renamed)` } })),
  'project.archived': projectEvent((p) => ({ id: p.id })),
  'user.added': userEvent((id) => ({ id, data: { role: 'reader' } })),
  'user.updated': userEvent((id) => ({ id, changes_requested: { role: 'owner' } })),
  'invite.sent': (seed, slot) => ({
    details: {
      id: orgId('invite-', seed, 'ev-inv', slot),
      data: { email: `invitee.${slot}@example.com`, role: 'reader' },
    },
  }),
  'service_account.created': (seed, slot, org) => {
    const project = anyProject(seed, slot, org);
    const accounts = org.serviceAccounts.get(project.id) ?? [];
    const id =
      accounts.length > 0 ? pick(seed, accounts, 'ev-sa', slot).id : orgId('svc_acct_', seed, 'ev-sa', slot);
    return { project, details: { id, data: { role: 'member' } } };
  },
};

/** Logins dominate real audit logs. */
const TYPES = [...Object.keys(MAKERS), 'login.succeeded', 'login.succeeded', 'api_key.created'];

function actor(
  seed: number,
  slot: number,
  type: string,
  org: Org,
  project: OrgProject | undefined,
): Record<string, unknown> {
  const keys = org.apiKeys.get((project ?? anyProject(seed, slot, org)).id) ?? [];
  if (type.startsWith('log') || keys.length === 0 || rand(seed, 'ev-actor', slot) < 0.7) {
    const user = pick(seed, org.users, 'ev-actor-user', slot);
    const session = {
      user: { id: user.id, email: user.email },
      ip_address: `203.0.113.${randInt(seed, 1, 254, 'ev-ip', slot)}`,
      user_agent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15',
    };
    return { type: 'session', session };
  }
  const key = pick(seed, keys, 'ev-actor-key', slot);
  const owner =
    key.owner.type === 'user'
      ? { user: { id: key.owner.user.id, email: key.owner.user.email } }
      : { service_account: { id: key.owner.service_account.id } };
  return { type: 'api_key', api_key: { id: key.id, type: key.owner.type, ...owner } };
}

function eventAt(seed: number, slot: number, width: number, org: Org): AuditEvent {
  const type = pick(seed, TYPES, 'ev-type', slot);
  const made: Made = MAKERS[type]?.(seed, slot, org) ?? {};
  const event: AuditEvent = {
    id: `audit_log-${orgId('', seed, 'audit', slot)}`,
    type,
    effective_at: slot * width + randInt(seed, 0, width - 1, 'ev-at', slot),
    actor: actor(seed, slot, type, org, made.project),
  };
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
