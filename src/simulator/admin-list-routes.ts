// The Admin API's list endpoints, one row each: users, invites, projects, per-project keys, service accounts,
// members and rate limits, admin keys, groups, group members and roles. The routes serve these rows, and the
// truth reads the same rows whole, so tests never restate what a list holds.
import { listRoute, type ListEnvelope } from './admin-list.js';
import { orgFor, type Org } from './admin-org.js';
import type { ProjectApiKey } from './admin-project-items.js';
import { BadParam, boolParam, NotFound } from './admin-query.js';
import type { Route, SimContext, SimRequest } from './types.js';

const path = (rest: string): RegExp => new RegExp(`^\\/v1\\/organization\\/${rest}\\/?$`);

/** Items listed under a parent in the path; an unknown parent is a 404, as on the real API. */
function childItems<T>(
  param: 'project_id' | 'group_id',
  pick: (org: Org) => Map<string, T[]>,
): (req: { params: Record<string, string> }, ctx: SimContext) => T[] {
  return (req, ctx) => {
    const id = req.params[param] ?? '';
    const items = pick(orgFor(ctx)).get(id);
    if (items === undefined) throw new NotFound(`No such ${param.replace('_id', '')}: '${id}'.`);
    return items;
  };
}
const projectItems = <T>(pick: (org: Org) => Map<string, T[]>) => childItems('project_id', pick);
const PROJECT = 'projects\\/(?<project_id>[^/]+)';
type Items = (req: SimRequest, ctx: SimContext) => readonly { id: string }[];

/** The read-only directory lists beyond users, invites, projects and keys: one row each. */
const ACCESS_LISTS: [string, string, Items, ListEnvelope][] = [
  ['admin_project_users', `${PROJECT}\\/users`, projectItems((org) => org.access.projectUsers), 'ids'],
  [
    'admin_project_rate_limits',
    `${PROJECT}\\/rate_limits`,
    projectItems((org) => org.access.rateLimits),
    'ids',
  ],
  ['admin_api_keys', 'admin_api_keys', (_req, ctx) => orgFor(ctx).access.adminApiKeys, 'ids'],
  ['admin_groups', 'groups', (_req, ctx) => orgFor(ctx).access.groups, 'next'],
  [
    'admin_group_users',
    'groups\\/(?<group_id>[^/]+)\\/users',
    childItems('group_id', (org) => org.access.groupUsers),
    'next',
  ],
  ['admin_roles', 'roles', (_req, ctx) => orgFor(ctx).access.roles, 'next'],
  ['admin_certificates', 'certificates', (_req, ctx) => orgFor(ctx).access.certificates, 'ids'],
];

/** Without `owner_project_access` the API applies membership rules that hide keys of owners without access. */
function keysByAccess(url: URL, keys: ProjectApiKey[]): ProjectApiKey[] {
  const access = url.searchParams.get('owner_project_access') ?? 'active';
  if (access === 'any') return keys;
  if (access !== 'active' && access !== 'inactive')
    throw new BadParam(
      'owner_project_access',
      `Invalid owner_project_access '${access}': expected active, inactive or any.`,
    );
  return keys.filter((k) => k.owner_project_access === access);
}

interface ListDef {
  name: string;
  pattern: RegExp;
  items: Items;
  envelope: ListEnvelope;
}

/** Every list endpoint: the routes serve them, and the truth reads them whole. */
const LIST_ROWS: [string, string, Items, ListEnvelope][] = [
  ['admin_users', 'users', (_req, ctx) => orgFor(ctx).users, 'ids'],
  ['admin_invites', 'invites', (_req, ctx) => orgFor(ctx).invites, 'ids'],
  [
    'admin_projects',
    'projects',
    (req, ctx) => {
      const all = orgFor(ctx).projects;
      return boolParam(req.url, 'include_archived', false) ? all : all.filter((p) => p.status === 'active');
    },
    'ids',
  ],
  [
    'admin_project_api_keys',
    `${PROJECT}\\/api_keys`,
    (req, ctx) => keysByAccess(req.url, projectItems((org) => org.apiKeys)(req, ctx)),
    'ids',
  ],
  [
    'admin_project_service_accounts',
    `${PROJECT}\\/service_accounts`,
    projectItems((org) => org.serviceAccounts),
    'ids',
  ],
  ...ACCESS_LISTS,
];
export const LISTS: ListDef[] = LIST_ROWS.map(([name, rest, items, envelope]) => ({
  name,
  pattern: path(rest),
  items,
  envelope,
}));

/** A list's whole content for a path (`/projects/p1/users`), archived projects and every key included. */
export function listedAt(ctx: SimContext, subPath: string): readonly { id: string }[] | undefined {
  const full = `/v1/organization${subPath}`;
  for (const l of LISTS) {
    const m = l.pattern.exec(full);
    if (!m) continue;
    const url = new URL(`http://simulator${full}?include_archived=true&owner_project_access=any`);
    try {
      return l.items({ params: { ...m.groups }, url } as SimRequest, ctx);
    } catch (err) {
      if (err instanceof NotFound) return undefined;
      throw err;
    }
  }
  throw new Error(`no list route for ${subPath}`);
}

export function listRoutes(): Route[] {
  return LISTS.map((l) => listRoute(l.name, l.pattern, l.items, l.envelope));
}
