// What each audit event type says: its project, its details (under a key named after the type) and its actor.
// Everything is drawn from one per-event stream, so a large log costs one hash per event.
import type { Org, OrgProject } from './admin-org.js';
import { drawId } from './admin-query.js';
import type { Draw } from './prng.js';

export interface Made {
  project?: OrgProject;
  details?: Record<string, unknown>;
}

type Maker = (d: Draw, org: Org) => Made;

function keyEvent(change: (id: string) => Record<string, unknown>): Maker {
  return (d, org) => {
    const project = d.pick(org.projects);
    const keys = org.apiKeys.get(project.id) ?? [];
    const id = keys.length > 0 ? d.pick(keys).id : drawId('key_', d);
    return { project, details: change(id) };
  };
}

function projectEvent(change: (p: OrgProject) => Record<string, unknown>): Maker {
  return (d, org) => {
    const project = d.pick(org.projects);
    return { project, details: change(project) };
  };
}

function userEvent(change: (id: string) => Record<string, unknown>): Maker {
  return (d, org) => ({ details: change(d.pick(org.users).id) });
}

/** login.succeeded and logout.succeeded carry no details key, as in the API reference. */
export const MAKERS: Record<string, Maker> = {
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
  'invite.sent': (d) => ({
    details: {
      id: drawId('invite-', d),
      data: { email: `invitee.${d.int(100, 999)}@example.com`, role: 'reader' },
    },
  }),
  'service_account.created': (d, org) => {
    const project = d.pick(org.projects);
    const accounts = org.serviceAccounts.get(project.id) ?? [];
    const id = accounts.length > 0 ? d.pick(accounts).id : drawId('svc_acct_', d);
    return { project, details: { id, data: { role: 'member' } } };
  },
};

/** Tenant-scoped types: served only with tenant_only=true (the spec lists 86 `tenant.*` types and names the
 * role bindings as tenant-scoped too). */
export const TENANT_MAKERS: Record<string, Maker> = {
  'tenant.admin_api_key.created': (d) => ({ details: { id: drawId('key_', d) } }),
  'tenant.policy.updated': (d) => ({ details: { id: drawId('policy_', d) } }),
  'role.bound_to_resource': (d) => ({
    details: {
      id: drawId('ws_', d),
      role_id: drawId('role_', d),
      resource_id: drawId('ws_', d),
      resource_type: 'workspace',
      permissions: ['connectors.read'],
    },
  }),
};

export function isTenantScoped(type: string): boolean {
  return (
    type.startsWith('tenant.') || type === 'role.bound_to_resource' || type === 'role.unbound_from_resource'
  );
}

/** Logins dominate real audit logs. */
export const TYPES = [
  ...Object.keys(MAKERS),
  ...Object.keys(TENANT_MAKERS),
  'login.succeeded',
  'login.succeeded',
  'api_key.created',
];

/** Logins come from a browser session; other changes from a session (70%) or an API key of the project. */
export function actorOf(
  d: Draw,
  type: string,
  org: Org,
  project: OrgProject | undefined,
): Record<string, unknown> {
  const keys = org.apiKeys.get((project ?? d.pick(org.projects)).id) ?? [];
  if (type.startsWith('log') || keys.length === 0 || d.chance(0.7)) {
    const user = d.pick(org.users);
    const session = {
      user: { id: user.id, email: user.email },
      ip_address: `203.0.113.${d.int(1, 254)}`,
      user_agent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15',
    };
    return { type: 'session', session };
  }
  const key = d.pick(keys);
  const owner =
    key.owner.type === 'user'
      ? { user: { id: key.owner.user.id, email: key.owner.user.email } }
      : { service_account: { id: key.owner.service_account.id } };
  return { type: 'api_key', api_key: { id: key.id, type: key.owner.type, ...owner } };
}
