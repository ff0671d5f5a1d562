// The OpenAI organization Admin API family (host `admin`, paths under /v1/organization): usage, costs, audit
// logs, users, invites, projects and per-project keys and service accounts. Everything is derived from the seed,
// the options and the clock at request time, so the truth below always matches what the routes serve.
import { auditEvents, type AuditEvent } from './admin-audit.js';
import { auditRoute } from './admin-audit-route.js';
import { bucketRoute, type BucketCaps } from './admin-bucket-route.js';
import { bucketsFor, type Bucket } from './admin-buckets.js';
import { COSTS_KIND } from './admin-costs-data.js';
import { listRoute } from './admin-list.js';
import { orgFor, type Org, type OrgInvite, type OrgProject, type OrgUser } from './admin-org.js';
import type { ProjectApiKey, ServiceAccount } from './admin-project-items.js';
import { BadParam, boolParam, dayIndex, NotFound } from './admin-query.js';
import { USAGE_KINDS, type UsageEndpoint } from './admin-usage-data.js';
import type { Route, RouteModule, SimContext } from './types.js';

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

function projectItems<T>(
  pick: (org: Org) => Map<string, T[]>,
): (req: { params: Record<string, string> }, ctx: SimContext) => T[] {
  return (req, ctx) => {
    const id = req.params['project_id'] ?? '';
    const items = pick(orgFor(ctx)).get(id);
    if (items === undefined) throw new NotFound(`No such project: '${id}'.`);
    return items;
  };
}

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

function routes(): Route[] {
  const usage = (endpoint: UsageEndpoint): Route =>
    bucketRoute(`admin_usage_${endpoint}`, path(`usage\\/${endpoint}`), USAGE_KINDS[endpoint], USAGE_CAPS);
  return [
    usage('completions'),
    usage('embeddings'),
    usage('code_interpreter_sessions'),
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
  ];
}

function truthOf(ctx: SimContext): AdminTruth {
  const buckets = (kind: typeof COSTS_KIND, from: string, to: string, groupBy: string[]): Bucket[] =>
    bucketsFor(ctx, kind, dayIndex(from), dayIndex(to), { groupBy, filters: {} });
  return {
    usage: (endpoint, from, to, groupBy) => buckets(USAGE_KINDS[endpoint], from, to, groupBy),
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
