// Compliance rows of the stream table (Codex log files and events, tasks, environments).
import {
  logEventFields,
  shapeCodexTask,
  shapeComplianceUser,
  shapeLogEvent,
  shapeWithWorkspace,
} from '../shapes/compliance.js';
import { shapeCostEvent } from '../shapes/compliance-costs.js';
import type { StreamDef } from '../stream-def.js';
import {
  CODEX_ENVIRONMENTS_LIMIT,
  CODEX_TASKS_LIMIT,
  COMPLIANCE_LOGS_LIMIT,
  COMPLIANCE_USERS_LIMIT,
} from '../page-limits.js';

const logFiles = {
  family: 'compliance',
  path: '/logs',
  paging: 'after_end_time',
  limit: COMPLIANCE_LOGS_LIMIT,
  partitions: 'workspace_event_type',
  maxDaysBack: 30,
} as const;

export const COMPLIANCE_STREAMS: readonly StreamDef[] = [
  {
    ...logFiles,
    name: 'compliance_log_files',
    sync: 'log_files',
    primaryKey: 'id',
    cursorField: 'end_time',
    shape: shapeWithWorkspace('compliance_log_files'),
    suggested: false,
    description: 'Compliance log files (CODEX_LOG, CODEX_SECURITY_LOG): id, end_time, size, sha256.',
  },
  {
    ...logFiles,
    name: 'compliance_logs',
    sync: 'log_events',
    primaryKey: 'event_id',
    cursorField: 'log_file_end_time',
    shape: shapeLogEvent,
    addedFields: logEventFields,
    suggested: true,
    description:
      'Codex compliance events from the log files, sha256-verified, deduplicated on event_id; they hold prompt and response content.',
  },
  {
    family: 'compliance',
    name: 'codex_tasks',
    path: '/codex_tasks',
    paging: 'cursor_or_last_id',
    limit: CODEX_TASKS_LIMIT,
    sync: 'cursor_scan',
    partitions: 'workspace',
    primaryKey: 'id',
    cursorField: 'updated_at',
    shape: shapeCodexTask,
    suggested: true,
    description:
      'Codex cloud tasks (read whole each sync; a task comes again when its updated_at moves past the cursor).',
  },
  {
    family: 'compliance',
    name: 'codex_environments',
    path: '/codex_environments',
    // No public source shows this envelope: read any list envelope of the family, fail on others by key.
    paging: 'any_list',
    limit: CODEX_ENVIRONMENTS_LIMIT,
    sync: 'full_refresh',
    partitions: 'workspace',
    primaryKey: 'id',
    shape: shapeWithWorkspace('codex_environments'),
    suggested: false,
    description: 'Codex cloud environments, passed through whole.',
  },
  {
    family: 'compliance',
    name: 'compliance_users',
    path: '/users',
    paging: 'after_last_id',
    limit: COMPLIANCE_USERS_LIMIT,
    sync: 'full_refresh',
    partitions: 'workspace',
    // A person can be a member of several workspaces, under the same id: the key is both.
    primaryKey: ['workspace_id', 'id'],
    shape: shapeComplianceUser,
    suggested: true,
    description:
      'Members of the ChatGPT workspace (id, email, name, role, status): the join key for every Codex user_id.',
  },
  {
    ...logFiles,
    name: 'codex_costs',
    // The organization's logs (…/compliance/organizations/{organization_id}/logs), COSTS files only.
    query: { event_type: 'COSTS' },
    partitions: 'compliance_organization',
    needs: 'organization_id',
    sync: 'log_events',
    primaryKey: 'event_id',
    cursorField: 'log_file_end_time',
    shape: shapeCostEvent,
    // Needs organization_id as well as the key, so it is not one to preselect.
    suggested: false,
    description:
      'Codex billing per user, hour, product and model from the organization COSTS logs (needs organization_id): identity and measures whole, billing_credits and billing_usd to sum.',
  },
];
