// OpenAI organization Admin API rows of the stream table. Read-only: the Admin API's write operations
// (invites, role changes, key deletion, …) are deliberately out of scope.
import {
  shapeAuditEvent,
  shapeBuckets,
  shapeInvite,
  shapeListItem,
  shapeProjectItem,
} from '../shapes/admin.js';
import type { StreamDef } from '../stream-def.js';

// Every dimension each endpoint can group by. The same list goes into the query and into the record id, so a
// record is one combination of all of them and two results can never collide (e.g. differing only in batch).
const COMPLETIONS_DIMS = ['project_id', 'user_id', 'api_key_id', 'model', 'batch', 'service_tier'];
const EMBEDDINGS_DIMS = ['project_id', 'user_id', 'api_key_id', 'model'];
const CODE_INTERPRETER_DIMS = ['project_id'];
const COSTS_DIMS = ['project_id', 'line_item', 'api_key_id'];

/** The published spec names the parameter `group_by` with OpenAPI's default style (form, exploded): the key
 * repeated, `group_by=a&group_by=b`. (Audit log filters, by contrast, are named `event_types[]` in the spec.)
 * Usage streams get `bucket_width` from the config (plans/admin-buckets.ts); costs are daily only. */
const grouped = (dims: readonly string[]) => ({ group_by: dims });
const daily = (dims: readonly string[]) => ({ bucket_width: '1d', group_by: dims });

const adminDaily = {
  family: 'admin',
  paging: 'page',
  sync: 'date_windows',
  partitions: 'organization',
  primaryKey: 'id',
  cursorField: 'date',
  // The Admin API serves usage back to the organization's first day; 90 days is a first sync's default depth.
  maxDaysBack: null,
  defaultDaysBack: 90,
} as const;

const adminList = {
  family: 'admin',
  paging: 'after_last_id',
  limit: 100,
  sync: 'full_refresh',
  primaryKey: 'id',
  suggested: false,
} as const;

export const ADMIN_STREAMS: readonly StreamDef[] = [
  {
    ...adminDaily,
    name: 'organization_completions_usage',
    specSchema: 'UsageCompletionsResult',
    path: '/usage/completions',
    sync: 'usage_buckets',
    query: grouped(COMPLETIONS_DIMS),
    shape: shapeBuckets('organization_completions_usage', COMPLETIONS_DIMS),
    suggested: true,
    description:
      'OpenAI API completions usage per day, project, user, API key, model, batch and service tier: tokens and requests.',
  },
  {
    ...adminDaily,
    name: 'organization_embeddings_usage',
    specSchema: 'UsageEmbeddingsResult',
    path: '/usage/embeddings',
    sync: 'usage_buckets',
    query: grouped(EMBEDDINGS_DIMS),
    shape: shapeBuckets('organization_embeddings_usage', EMBEDDINGS_DIMS),
    suggested: false,
    description: 'OpenAI API embeddings usage per day, project, user, API key and model.',
  },
  {
    ...adminDaily,
    name: 'organization_code_interpreter_sessions',
    specSchema: 'UsageCodeInterpreterSessionsResult',
    path: '/usage/code_interpreter_sessions',
    sync: 'usage_buckets',
    query: grouped(CODE_INTERPRETER_DIMS),
    shape: shapeBuckets('organization_code_interpreter_sessions', CODE_INTERPRETER_DIMS),
    suggested: false,
    description: 'OpenAI code interpreter sessions per day and project.',
  },
  {
    ...adminDaily,
    name: 'organization_costs',
    specSchema: 'CostsResult',
    path: '/costs',
    query: daily(COSTS_DIMS),
    limit: 180,
    shape: shapeBuckets('organization_costs', COSTS_DIMS),
    suggested: true,
    description: 'OpenAI organization costs per day, project, line item and API key (amount and currency).',
  },
  {
    family: 'admin',
    name: 'organization_audit_logs',
    specSchema: 'AuditLog',
    path: '/audit_logs',
    paging: 'after_last_id',
    limit: 100,
    sync: 'filtered_scan',
    lowerBoundParam: 'effective_at[gte]',
    defaultDaysBack: 90,
    // Tenant-scoped event types (86 of 145 in the spec: tenant.*, role bindings) come only with
    // tenant_only=true, which in turn returns nothing else: two scans, each with its own cursor.
    partitions: 'organization_and_tenant',
    primaryKey: 'id',
    cursorField: 'effective_at',
    shape: shapeAuditEvent,
    suggested: true,
    description: 'OpenAI organization audit log: logins, API key, project, user and invite changes.',
  },
  {
    ...adminList,
    name: 'organization_users',
    specSchema: 'User',
    path: '/users',
    partitions: 'organization',
    shape: shapeListItem('organization_users'),
    suggested: true,
    description: 'Members of the OpenAI organization and their roles.',
  },
  {
    ...adminList,
    name: 'organization_invites',
    specSchema: 'Invite',
    path: '/invites',
    partitions: 'organization',
    shape: shapeInvite,
    description: 'Invitations to the OpenAI organization: pending, accepted and expired.',
  },
  {
    ...adminList,
    name: 'organization_projects',
    specSchema: 'Project',
    path: '/projects',
    query: { include_archived: 'true' },
    partitions: 'organization',
    shape: shapeListItem('organization_projects'),
    suggested: true,
    description: 'Projects of the OpenAI organization, archived ones included.',
  },
  {
    ...adminList,
    name: 'organization_project_api_keys',
    specSchema: 'ProjectApiKey',
    path: '/projects/{project_id}/api_keys',
    // Without it the API applies "membership-based visibility rules, which may exclude some enabled keys".
    query: { owner_project_access: 'any' },
    partitions: 'project',
    shape: shapeProjectItem('organization_project_api_keys'),
    description: 'API keys of every project (archived projects too), redacted by the API, with their owners.',
  },
  {
    ...adminList,
    name: 'organization_project_service_accounts',
    specSchema: 'ProjectServiceAccount',
    path: '/projects/{project_id}/service_accounts',
    partitions: 'project',
    shape: shapeProjectItem('organization_project_service_accounts'),
    description: 'Service accounts of every project (archived projects too).',
  },
];
