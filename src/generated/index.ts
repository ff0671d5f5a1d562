/**
 * Generated from schemas/*.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen`.
 */

import type { CodeReviewResponses } from './code_review_responses.js';
import type { CodeReviews } from './code_reviews.js';
import type { CodexCosts } from './codex_costs.js';
import type { CodexEnvironments } from './codex_environments.js';
import type { CodexTasks } from './codex_tasks.js';
import type { ComplianceLogFiles } from './compliance_log_files.js';
import type { ComplianceLogs } from './compliance_logs.js';
import type { ComplianceUsers } from './compliance_users.js';
import type { OrganizationAdminApiKeys } from './organization_admin_api_keys.js';
import type { OrganizationAudioSpeechesUsage } from './organization_audio_speeches_usage.js';
import type { OrganizationAudioTranscriptionsUsage } from './organization_audio_transcriptions_usage.js';
import type { OrganizationAuditLogs } from './organization_audit_logs.js';
import type { OrganizationCertificates } from './organization_certificates.js';
import type { OrganizationCodeInterpreterSessions } from './organization_code_interpreter_sessions.js';
import type { OrganizationCompletionsUsage } from './organization_completions_usage.js';
import type { OrganizationCosts } from './organization_costs.js';
import type { OrganizationEmbeddingsUsage } from './organization_embeddings_usage.js';
import type { OrganizationFileSearchCallsUsage } from './organization_file_search_calls_usage.js';
import type { OrganizationGroupUsers } from './organization_group_users.js';
import type { OrganizationGroups } from './organization_groups.js';
import type { OrganizationImagesUsage } from './organization_images_usage.js';
import type { OrganizationInvites } from './organization_invites.js';
import type { OrganizationModerationsUsage } from './organization_moderations_usage.js';
import type { OrganizationProjectApiKeys } from './organization_project_api_keys.js';
import type { OrganizationProjectRateLimits } from './organization_project_rate_limits.js';
import type { OrganizationProjectServiceAccounts } from './organization_project_service_accounts.js';
import type { OrganizationProjectUsers } from './organization_project_users.js';
import type { OrganizationProjects } from './organization_projects.js';
import type { OrganizationRoles } from './organization_roles.js';
import type { OrganizationUsers } from './organization_users.js';
import type { OrganizationVectorStoresUsage } from './organization_vector_stores_usage.js';
import type { OrganizationWebSearchCallsUsage } from './organization_web_search_calls_usage.js';
import type { Usage } from './usage.js';
import type { UsageByClient } from './usage_by_client.js';
import type { UsageByModel } from './usage_by_model.js';
import type { WorkspaceUsage } from './workspace_usage.js';

export type {
  CodeReviewResponses,
  CodeReviews,
  CodexCosts,
  CodexEnvironments,
  CodexTasks,
  ComplianceLogFiles,
  ComplianceLogs,
  ComplianceUsers,
  OrganizationAdminApiKeys,
  OrganizationAudioSpeechesUsage,
  OrganizationAudioTranscriptionsUsage,
  OrganizationAuditLogs,
  OrganizationCertificates,
  OrganizationCodeInterpreterSessions,
  OrganizationCompletionsUsage,
  OrganizationCosts,
  OrganizationEmbeddingsUsage,
  OrganizationFileSearchCallsUsage,
  OrganizationGroupUsers,
  OrganizationGroups,
  OrganizationImagesUsage,
  OrganizationInvites,
  OrganizationModerationsUsage,
  OrganizationProjectApiKeys,
  OrganizationProjectRateLimits,
  OrganizationProjectServiceAccounts,
  OrganizationProjectUsers,
  OrganizationProjects,
  OrganizationRoles,
  OrganizationUsers,
  OrganizationVectorStoresUsage,
  OrganizationWebSearchCallsUsage,
  Usage,
  UsageByClient,
  UsageByModel,
  WorkspaceUsage,
};

/** The record type of each stream, keyed by stream name (= schema file name). */
export interface StreamRecordTypes {
  code_review_responses: CodeReviewResponses;
  code_reviews: CodeReviews;
  codex_costs: CodexCosts;
  codex_environments: CodexEnvironments;
  codex_tasks: CodexTasks;
  compliance_log_files: ComplianceLogFiles;
  compliance_logs: ComplianceLogs;
  compliance_users: ComplianceUsers;
  organization_admin_api_keys: OrganizationAdminApiKeys;
  organization_audio_speeches_usage: OrganizationAudioSpeechesUsage;
  organization_audio_transcriptions_usage: OrganizationAudioTranscriptionsUsage;
  organization_audit_logs: OrganizationAuditLogs;
  organization_certificates: OrganizationCertificates;
  organization_code_interpreter_sessions: OrganizationCodeInterpreterSessions;
  organization_completions_usage: OrganizationCompletionsUsage;
  organization_costs: OrganizationCosts;
  organization_embeddings_usage: OrganizationEmbeddingsUsage;
  organization_file_search_calls_usage: OrganizationFileSearchCallsUsage;
  organization_group_users: OrganizationGroupUsers;
  organization_groups: OrganizationGroups;
  organization_images_usage: OrganizationImagesUsage;
  organization_invites: OrganizationInvites;
  organization_moderations_usage: OrganizationModerationsUsage;
  organization_project_api_keys: OrganizationProjectApiKeys;
  organization_project_rate_limits: OrganizationProjectRateLimits;
  organization_project_service_accounts: OrganizationProjectServiceAccounts;
  organization_project_users: OrganizationProjectUsers;
  organization_projects: OrganizationProjects;
  organization_roles: OrganizationRoles;
  organization_users: OrganizationUsers;
  organization_vector_stores_usage: OrganizationVectorStoresUsage;
  organization_web_search_calls_usage: OrganizationWebSearchCallsUsage;
  usage: Usage;
  usage_by_client: UsageByClient;
  usage_by_model: UsageByModel;
  workspace_usage: WorkspaceUsage;
}
