// OpenAI organization Admin API rows of the stream table, one call each (builders in admin-rows.ts). Read-only:
// the Admin API's write operations (invites, role changes, key deletion, …) are deliberately out of scope.
// Each names its schema in OpenAI's published OpenAPI document; test/contract/ holds it to that document.
import { shapeAuditEvent, shapeInvite } from '../shapes/admin.js';
import type { StreamDef } from '../stream-def.js';
import { costsStream, listStream, usageStream } from './admin-rows.js';
import { ADMIN_LIST_LIMIT } from '../page-limits.js';

const PEOPLE = ['project_id', 'user_id', 'api_key_id', 'model'];

const AUDIT_LOGS: StreamDef = {
  family: 'admin',
  name: 'organization_audit_logs',
  specSchema: 'AuditLog',
  path: '/audit_logs',
  paging: 'after_last_id',
  limit: ADMIN_LIST_LIMIT,
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
  access:
    "Admin key; the tenant-scoped events also need a key allowed to read them: without, the connector logs a `WARN`, reads the organization's events and keeps no tenant cursor",
  description: 'OpenAI organization audit log: logins, API key, project, user and invite changes.',
};

export const ADMIN_STREAMS: readonly StreamDef[] = [
  usageStream({
    endpoint: 'completions',
    dims: [...PEOPLE, 'batch', 'service_tier'],
    specSchema: 'UsageCompletionsResult',
    suggested: true,
    description:
      'OpenAI API completions usage per day, project, user, API key, model, batch and service tier: tokens and requests.',
  }),
  usageStream({
    endpoint: 'embeddings',
    dims: PEOPLE,
    specSchema: 'UsageEmbeddingsResult',
    description: 'OpenAI API embeddings usage per day, project, user, API key and model.',
  }),
  usageStream({
    endpoint: 'moderations',
    dims: PEOPLE,
    specSchema: 'UsageModerationsResult',
    description: 'OpenAI API moderations usage per day, project, user, API key and model.',
  }),
  usageStream({
    endpoint: 'images',
    dims: [...PEOPLE, 'size', 'source'],
    specSchema: 'UsageImagesResult',
    description:
      'OpenAI API image usage per day, project, user, API key, model, size and source: images and requests.',
  }),
  usageStream({
    endpoint: 'audio_speeches',
    dims: PEOPLE,
    specSchema: 'UsageAudioSpeechesResult',
    description:
      'OpenAI API text-to-speech usage per day, project, user, API key and model: characters and requests.',
  }),
  usageStream({
    endpoint: 'audio_transcriptions',
    dims: PEOPLE,
    specSchema: 'UsageAudioTranscriptionsResult',
    description:
      'OpenAI API transcription usage per day, project, user, API key and model: seconds and requests.',
  }),
  usageStream({
    endpoint: 'vector_stores',
    dims: ['project_id'],
    specSchema: 'UsageVectorStoresResult',
    description: 'OpenAI vector store storage per day and project, in bytes.',
  }),
  usageStream({
    endpoint: 'file_search_calls',
    dims: ['project_id', 'user_id', 'api_key_id', 'vector_store_id'],
    specSchema: 'UsageFileSearchCallsResult',
    description: 'OpenAI file search tool calls per day, project, user, API key and vector store.',
  }),
  usageStream({
    endpoint: 'web_search_calls',
    dims: [...PEOPLE, 'context_level'],
    specSchema: 'UsageWebSearchCallsResult',
    description:
      'OpenAI web search tool calls per day, project, user, API key, model and search context size.',
  }),
  usageStream({
    endpoint: 'code_interpreter_sessions',
    name: 'organization_code_interpreter_sessions',
    dims: ['project_id'],
    specSchema: 'UsageCodeInterpreterSessionsResult',
    description: 'OpenAI code interpreter sessions per day and project.',
  }),
  costsStream(
    ['project_id', 'line_item', 'api_key_id'],
    'OpenAI organization costs per day, project, line item and API key (amount, currency, quantity).',
  ),
  AUDIT_LOGS,
  listStream({
    name: 'organization_users',
    path: '/users',
    specSchema: 'User',
    suggested: true,
    description: 'Members of the OpenAI organization and their roles.',
  }),
  {
    ...listStream({
      name: 'organization_invites',
      path: '/invites',
      specSchema: 'Invite',
      description: 'Invitations to the OpenAI organization: pending, accepted and expired.',
    }),
    shape: shapeInvite,
  },
  listStream({
    name: 'organization_projects',
    path: '/projects',
    specSchema: 'Project',
    query: { include_archived: 'true' },
    suggested: true,
    description: 'Projects of the OpenAI organization, archived ones included.',
  }),
  listStream({
    name: 'organization_project_api_keys',
    path: '/projects/{project_id}/api_keys',
    parent: 'project',
    specSchema: 'ProjectApiKey',
    // Without it the API applies "membership-based visibility rules, which may exclude some enabled keys".
    query: { owner_project_access: 'any' },
    access: 'Admin key (`any`: also the enabled keys of owners who lost access to the project)',
    description: 'API keys of every project (archived projects too), redacted by the API, with their owners.',
  }),
  listStream({
    name: 'organization_project_service_accounts',
    path: '/projects/{project_id}/service_accounts',
    parent: 'project',
    specSchema: 'ProjectServiceAccount',
    description: 'Service accounts of every project (archived projects too).',
  }),
  listStream({
    name: 'organization_project_users',
    path: '/projects/{project_id}/users',
    parent: 'project',
    ownId: 'user_id',
    specSchema: 'ProjectUser',
    description:
      'Members of every project (archived projects too) and their project roles; id is project:user.',
  }),
  listStream({
    name: 'organization_project_rate_limits',
    path: '/projects/{project_id}/rate_limits',
    parent: 'project',
    ownId: 'rate_limit_id',
    specSchema: 'ProjectRateLimit',
    description: 'Rate limits of every project per model (archived projects too); id is project:rate limit.',
  }),
  listStream({
    name: 'organization_admin_api_keys',
    path: '/admin_api_keys',
    specSchema: 'AdminApiKey',
    access: "Admin key (lists the organization's Admin keys, redacted)",
    description: 'Admin API keys of the organization, redacted by the API, with their owners.',
  }),
  listStream({
    name: 'organization_groups',
    path: '/groups',
    paging: 'after_next',
    specSchema: 'GroupResponse',
    description: 'Groups of the organization (SCIM-managed or not).',
  }),
  listStream({
    name: 'organization_group_users',
    path: '/groups/{group_id}/users',
    parent: 'group',
    ownId: 'user_id',
    paging: 'after_next',
    specSchema: 'GroupUser',
    description: 'Members of every group of the organization; id is group:user.',
  }),
  listStream({
    name: 'organization_roles',
    path: '/roles',
    paging: 'after_next',
    specSchema: 'Role',
    description: 'Roles of the organization, predefined and custom, with their permissions.',
  }),
  listStream({
    name: 'organization_certificates',
    path: '/certificates',
    specSchema: 'OrganizationCertificate',
    description:
      'Certificates uploaded to the organization (mutual TLS): name, upload time, validity window, whether active.',
  }),
];
