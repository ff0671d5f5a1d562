/**
 * Generated from schemas/*.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen`.
 */

import type { CodeReviewResponses } from './code_review_responses.js';
import type { CodeReviews } from './code_reviews.js';
import type { CodexEnvironments } from './codex_environments.js';
import type { CodexTasks } from './codex_tasks.js';
import type { ComplianceLogFiles } from './compliance_log_files.js';
import type { ComplianceLogs } from './compliance_logs.js';
import type { OrganizationAuditLogs } from './organization_audit_logs.js';
import type { OrganizationCodeInterpreterSessions } from './organization_code_interpreter_sessions.js';
import type { OrganizationCompletionsUsage } from './organization_completions_usage.js';
import type { OrganizationCosts } from './organization_costs.js';
import type { OrganizationEmbeddingsUsage } from './organization_embeddings_usage.js';
import type { OrganizationInvites } from './organization_invites.js';
import type { OrganizationModerationsUsage } from './organization_moderations_usage.js';
import type { OrganizationProjectApiKeys } from './organization_project_api_keys.js';
import type { OrganizationProjectServiceAccounts } from './organization_project_service_accounts.js';
import type { OrganizationProjects } from './organization_projects.js';
import type { OrganizationUsers } from './organization_users.js';
import type { Usage } from './usage.js';
import type { UsageByClient } from './usage_by_client.js';
import type { UsageByModel } from './usage_by_model.js';
import type { WorkspaceUsage } from './workspace_usage.js';

export type {
  CodeReviewResponses,
  CodeReviews,
  CodexEnvironments,
  CodexTasks,
  ComplianceLogFiles,
  ComplianceLogs,
  OrganizationAuditLogs,
  OrganizationCodeInterpreterSessions,
  OrganizationCompletionsUsage,
  OrganizationCosts,
  OrganizationEmbeddingsUsage,
  OrganizationInvites,
  OrganizationModerationsUsage,
  OrganizationProjectApiKeys,
  OrganizationProjectServiceAccounts,
  OrganizationProjects,
  OrganizationUsers,
  Usage,
  UsageByClient,
  UsageByModel,
  WorkspaceUsage,
};

/** The record type of each stream, keyed by stream name (= schema file name). */
export interface StreamRecordTypes {
  code_review_responses: CodeReviewResponses;
  code_reviews: CodeReviews;
  codex_environments: CodexEnvironments;
  codex_tasks: CodexTasks;
  compliance_log_files: ComplianceLogFiles;
  compliance_logs: ComplianceLogs;
  organization_audit_logs: OrganizationAuditLogs;
  organization_code_interpreter_sessions: OrganizationCodeInterpreterSessions;
  organization_completions_usage: OrganizationCompletionsUsage;
  organization_costs: OrganizationCosts;
  organization_embeddings_usage: OrganizationEmbeddingsUsage;
  organization_invites: OrganizationInvites;
  organization_moderations_usage: OrganizationModerationsUsage;
  organization_project_api_keys: OrganizationProjectApiKeys;
  organization_project_service_accounts: OrganizationProjectServiceAccounts;
  organization_projects: OrganizationProjects;
  organization_users: OrganizationUsers;
  usage: Usage;
  usage_by_client: UsageByClient;
  usage_by_model: UsageByModel;
  workspace_usage: WorkspaceUsage;
}
