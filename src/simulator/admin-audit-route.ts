// GET /v1/organization/audit_logs: effective_at bounds, array filters, then after/before paging, newest first.
import { auditEvents, type AuditEvent } from './admin-audit.js';
import { pageOf, sendListPage } from './admin-list.js';
import { orgFor } from './admin-org.js';
import { isTenantScoped } from './admin-audit-makers.js';
import { BadParam, boolParam, Forbidden, guarded, listParam, unixParam } from './admin-query.js';
import type { Route } from './types.js';

type Test = (e: AuditEvent) => boolean;

function timeTests(url: URL): Test[] {
  const bound = (op: string, cmp: (at: number, limit: number) => boolean): Test[] => {
    const limit = unixParam(url, `effective_at[${op}]`);
    return limit === undefined ? [] : [(e) => cmp(e.effective_at, limit)];
  };
  return [
    ...bound('gte', (at, t) => at >= t),
    ...bound('gt', (at, t) => at > t),
    ...bound('lte', (at, t) => at <= t),
    ...bound('lt', (at, t) => at < t),
  ];
}

/** Ids and emails of whoever acted: the session user, or the API key and its owner. */
function actorIds(e: AuditEvent): { ids: string[]; emails: string[] } {
  const a = e.actor as {
    session?: { user?: { id?: string; email?: string } };
    api_key?: { id?: string; user?: { id?: string; email?: string }; service_account?: { id?: string } };
  };
  const user = a.session?.user ?? a.api_key?.user;
  const ids = [user?.id, a.api_key?.id, a.api_key?.service_account?.id].filter(
    (v): v is string => v !== undefined,
  );
  return { ids, emails: user?.email === undefined ? [] : [user.email] };
}

function setTests(url: URL): Test[] {
  const oneOf = (param: string, values: (e: AuditEvent) => string[]): Test[] => {
    const wanted = listParam(url, param);
    return wanted.length === 0 ? [] : [(e) => values(e).some((v) => wanted.includes(v))];
  };
  return [
    ...oneOf('event_types', (e) => [e.type]),
    ...oneOf('project_ids', (e) => (e.project ? [e.project.id] : [])),
    ...oneOf('actor_ids', (e) => actorIds(e).ids),
    ...oneOf('actor_emails', (e) => actorIds(e).emails),
  ];
}

/** tenant_only=true serves the tenant-scoped types and nothing else; without it, none of them. */
function scopeTest(url: URL, tenantAccess: boolean): Test {
  const tenant = boolParam(url, 'tenant_only', false);
  if (tenant && !tenantAccess) throw new Forbidden('This key may not read tenant-scoped audit events.');
  const asked = listParam(url, 'event_types');
  if (tenant && asked.some((t) => !isTenantScoped(t)))
    throw new BadParam('event_types[]', 'With tenant_only=true, all event types must be tenant-scoped.');
  return (e) => isTenantScoped(e.type) === tenant;
}

export function auditRoute(): Route {
  const name = 'admin_audit_logs';
  return {
    name,
    host: 'admin',
    method: 'GET',
    pattern: /^\/v1\/organization\/audit_logs\/?$/,
    scope: 'admin',
    handle: guarded((req, res, ctx) => {
      const scope = scopeTest(req.url, ctx.options.adminTenantAudit);
      const tests = [scope, ...timeTests(req.url), ...setTests(req.url)];
      const events = auditEvents(ctx, orgFor(ctx)).filter((e) => tests.every((t) => t(e)));
      sendListPage(res, ctx, name, pageOf(events, req.url));
    }),
  };
}
