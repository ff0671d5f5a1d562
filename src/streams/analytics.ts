// Codex Analytics rows of the stream table.
import { shapeUsage, shapeUsageByClient, shapeUsageByModel, shapeWorkspaceDay } from '../shapes/analytics.js';
import type { StreamDef } from '../stream-def.js';

const analyticsDaily = {
  family: 'analytics',
  paging: 'page',
  sync: 'date_windows',
  partitions: 'workspace',
  primaryKey: 'id',
  cursorField: 'date',
  maxDaysBack: 90,
} as const;

export const ANALYTICS_STREAMS: readonly StreamDef[] = [
  {
    ...analyticsDaily,
    name: 'usage',
    path: '/usage',
    shape: shapeUsage,
    suggested: true,
    description: 'Codex usage per user and day: threads, turns, credits, tokens, cost, code attribution.',
  },
  {
    ...analyticsDaily,
    name: 'usage_by_client',
    path: '/usage',
    shape: shapeUsageByClient,
    suggested: true,
    description: 'Codex usage per user, day and client (CLI, IDE, web, GitHub, Slack, …).',
  },
  {
    ...analyticsDaily,
    name: 'usage_by_model',
    path: '/usage',
    shape: shapeUsageByModel,
    suggested: false,
    description: 'Codex usage per user, day, model and speed.',
  },
  {
    ...analyticsDaily,
    name: 'workspace_usage',
    path: '/usage',
    query: { group: 'workspace' },
    shape: shapeWorkspaceDay('workspace_usage'),
    suggested: true,
    description: 'Codex usage per workspace and day (group=workspace).',
  },
  {
    ...analyticsDaily,
    name: 'code_reviews',
    path: '/code_reviews',
    shape: shapeWorkspaceDay('code_reviews'),
    suggested: true,
    description: 'Codex code review activity per workspace and day.',
  },
  {
    ...analyticsDaily,
    name: 'code_review_responses',
    path: '/code_review_responses',
    shape: shapeWorkspaceDay('code_review_responses'),
    suggested: false,
    description:
      'How people responded to Codex review comments, per workspace and day (values change as PRs merge).',
  },
];
