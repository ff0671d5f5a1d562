// The OpenAI organization Admin API family (host `admin`, paths under /v1/organization): usage, costs, audit
// logs, users, invites, projects and per-project keys and service accounts. Everything is derived from the seed,
// the options and the clock at request time, so the truth below always matches what the routes serve.
import { auditEvents, type AuditEvent } from './admin-audit.js';
import { auditRoute } from './admin-audit-route.js';
import { bucketRoute, type BucketCaps } from './admin-bucket-route.js';
import { bucketsFor, type Bucket } from './admin-buckets.js';
import { COSTS_KIND } from './admin-costs-data.js';
import { listRoute, type ListEnvelope } from './admin-list.js';
import { orgFor, type Org, type OrgInvite, type OrgProject, type OrgUser } from './admin-org.js';
import type { ProjectApiKey, ServiceAccount } from './admin-project-items.js';
import { BadParam, boolParam, dayIndex, NotFound } from './admin-query.js';
import { USAGE_KINDS, type BucketKind, type UsageEndpoint } from './admin-usage-data.js';
import type { Route, RouteModule, SimContext, SimRequest } from './types.js';

export type {
  AuditEvent,
  Bucket,
  OrgInvite,
  OrgProject,
  OrgUser,
  ProjectApiKey,
  ServiceAccount,
  UsageEndpoint,
};

/** Ground truth for tests; days are `YYYY-MM-DD` (UTC), ranges half-open, buckets as served with no filters. */
export interface AdminTruth {
  usage(endpoint: UsageEndpoint, startDay: string, endDayExclusive: string, groupBy: string[]): Bucket[];
  costs(startDay: string, endDayExclusive: string, groupBy: string[]): Bucket[];
  /** Every event in the last `days` days, newest first. */
  auditLogs(): AuditEvent[];
  users(): OrgUser[];
  invites(): OrgInvite[];
  projects(includeArchived: boolean): OrgProject[];
  /** Undefined for an unknown project (the route answers 404). */
  projectApiKeys(projectId: string): ProjectApiKey[] | undefined;
  projectServiceAccounts(projectId: string): ServiceAccount[] | undefined;
}

const ORG = '^\\/v1\\/organization';
const path = (rest: string): RegExp => new RegExp(`${ORG}\\/${rest}\\/?$`);
/** From the spec: usage `limit` is per width (1d: default 7, max 31; 1h: 24, 168; 1m: 60, 1440); costs are 1d only. */
const USAGE_CAPS: BucketCaps = {
  '1d': { defaultLimit: 7, maxLimit: 31 },
  '1h': { defaultLimit: 24, maxLimit: 168 },
  '1m': { defaultLimit: 60, maxLimit: 1440 },
};
const COSTS_CAPS: BucketCaps = { '1d': { defaultLimit: 7, maxLimit: 180 } };

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

function kindOf(endpoint: UsageEndpoint): BucketKind {
  const kind = USAGE_KINDS[endpoint];
  if (!kind) throw new Error(`no usage endpoint ${endpoint}`);
  return kind;
}

function routes(): Route[] {
  const usage = (endpoint: UsageEndpoint): Route =>
    bucketRoute(`admin_usage_${endpoint}`, path(`usage\\/${endpoint}`), kindOf(endpoint), USAGE_CAPS);
  return [
    ...Object.keys(USAGE_KINDS).map(usage),
    bucketRoute('admin_costs', path('costs'), COSTS_KIND, COSTS_CAPS),
    auditRoute(),
    listRoute('admin_users', path('users'), (_req, ctx) => orgFor(ctx).users),
    listRoute('admin_invites', path('invites'), (_req, ctx) => orgFor(ctx).invites),
    listRoute('admin_projects', path('projects'), (req, ctx) => {
      const all = orgFor(ctx).projects;
      return boolParam(req.url, 'include_archived', false) ? all : all.filter((p) => p.status === 'active');
    }),
    listRoute('admin_project_api_keys', path('projects\\/(?<project_id>[^/]+)\\/api_keys'), (req, ctx) =>
      keysByAccess(req.url, projectItems((org) => org.apiKeys)(req, ctx)),
    ),
    listRoute(
      'admin_project_service_accounts',
      path('projects\\/(?<project_id>[^/]+)\\/service_accounts'),
      projectItems((org) => org.serviceAccounts),
    ),
    ...ACCESS_LISTS.map(([name, rest, items, envelope]) => listRoute(name, path(rest), items, envelope)),
  ];
}

function truthOf(ctx: SimContext): AdminTruth {
  const buckets = (kind: typeof COSTS_KIND, from: string, to: string, groupBy: string[]): Bucket[] =>
    bucketsFor(ctx, kind, dayIndex(from), dayIndex(to), { groupBy, filters: {} });
  return {
    usage: (endpoint, from, to, groupBy) => buckets(kindOf(endpoint), from, to, groupBy),
    costs: (from, to, groupBy) => buckets(COSTS_KIND, from, to, groupBy),
    auditLogs: () => auditEvents(ctx, orgFor(ctx)),
    users: () => orgFor(ctx).users,
    invites: () => orgFor(ctx).invites,
    projects: (includeArchived) =>
      orgFor(ctx).projects.filter((p) => includeArchived || p.status === 'active'),
    projectApiKeys: (id) => orgFor(ctx).apiKeys.get(id),
    projectServiceAccounts: (id) => orgFor(ctx).serviceAccounts.get(id),
  };
}

export function adminModule(ctx: SimContext): RouteModule & { truth: AdminTruth } {
  return { routes: routes(), truth: truthOf(ctx) };
}
