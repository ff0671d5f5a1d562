// The OpenAI organization Admin API family (host `admin`, paths under /v1/organization): usage, costs, audit
// logs, users, invites, projects and per-project keys and service accounts. Everything is derived from the seed,
// the options and the clock at request time, so the truth below always matches what the routes serve.
import { auditEvents, type AuditEvent } from './admin-audit.js';
import { auditRoute } from './admin-audit-route.js';
import { bucketRoute, type BucketCaps } from './admin-bucket-route.js';
import { bucketsFor, type Bucket } from './admin-buckets.js';
import { COSTS_KIND } from './admin-costs-data.js';
import { listedAt, listRoutes } from './admin-list-routes.js';
import { orgFor, type OrgInvite, type OrgProject, type OrgUser } from './admin-org.js';
import type { ProjectApiKey, ServiceAccount } from './admin-project-items.js';
import { dayIndex } from './admin-query.js';
import { USAGE_KINDS, type BucketKind, type UsageEndpoint } from './admin-usage-data.js';
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
  /** Any list endpoint's whole content by its path under /organization (`/groups/g1/users`); undefined for an
   * unknown parent. */
  listed(subPath: string): readonly { id: string }[] | undefined;
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
    ...listRoutes(),
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
    listed: (subPath) => listedAt(ctx, subPath),
  };
}

export function adminModule(ctx: SimContext): RouteModule & { truth: AdminTruth } {
  return { routes: routes(), truth: truthOf(ctx) };
}
