// Codex tasks and environments of a workspace. Each task is updated on its own fixed period on an absolute
// clock, so updated_at only ever moves forward, stays within its period of now (most within 60 days),
// and ~15% "hot" tasks change every few minutes: a second sync minutes later has real updates to find.
import { REPOSITORIES, userOf } from './compliance-text.js';
import { rngFor } from './compliance-rng.js';
import type { SimContext } from './types.js';

const DAY_S = 86_400;
/** Codex's launch month; task and environment creation times fall in the ~5 months after it. */
const ANCHOR_S = Date.UTC(2025, 4, 16) / 1000;

const TITLES = [
  'Fix flaky checkout test',
  'Add retry to the payments webhook',
  'Refactor auth middleware\u2028(second pass)',
  'Upgrade to Node 20 🚀',
  'Explain the "billing" cron\u2029and document it',
  'Remove dead code in utils/',
] as const;

export type CodexRecord = Record<string, unknown> & { id: string };

const HOT_SHARE = 0.15;
const TASK_STATUSES = ['completed', 'completed', 'failed', 'cancelled'] as const;

/** The last update tick at or before now; a task is never updated before it exists. */
function lastTick(createdAt: number, period: number, nowS: number): number {
  return nowS <= createdAt ? createdAt : createdAt + Math.floor((nowS - createdAt) / period) * period;
}

function taskAt(ctx: SimContext, workspaceId: string, n: number, nowS: number): CodexRecord {
  // One stream per task; the draw order is part of the data.
  const r = rngFor(ctx.seed, 'task', workspaceId, n);
  const id = `task_e_${r.uuid().replace(/-/g, '')}`;
  const createdAt = ANCHOR_S + r.int(0, 150 * DAY_S);
  const hot = r.next() < HOT_SHARE;
  const period = hot ? r.int(120, 1200) : r.int(DAY_S, 60 * DAY_S);
  const envs = ctx.options.environments;
  return {
    id,
    title: `${r.pick(TITLES)} #${n}`,
    created_by_id: userOf(ctx.seed, workspaceId, r.int(0, Math.max(1, ctx.options.users) - 1)).user_id,
    created_at: createdAt,
    updated_at: lastTick(createdAt, period, nowS),
    status: hot ? 'in_progress' : r.pick(TASK_STATUSES),
    environment_id: envs > 0 && n % 4 !== 3 ? environmentAt(ctx, workspaceId, n % envs).id : null,
    archived: n % 7 === 6,
  };
}

/** All tasks of a workspace as of `atMs`, in id order: the API promises no order, so not updated_at. */
export function codexTasks(ctx: SimContext, workspaceId: string, atMs = ctx.now()): CodexRecord[] {
  const nowS = Math.floor(atMs / 1000);
  const tasks = Array.from({ length: ctx.options.tasks }, (_, n) => taskAt(ctx, workspaceId, n, nowS));
  return tasks.sort((a, b) => (a.id < b.id ? -1 : 1));
}

function environmentAt(ctx: SimContext, workspaceId: string, n: number): CodexRecord {
  const r = rngFor(ctx.seed, 'env', workspaceId, n);
  const id = `env_${r.uuid().replace(/-/g, '')}`;
  const repository = r.pick(REPOSITORIES);
  const createdAt = ANCHOR_S + r.int(0, 120 * DAY_S);
  return {
    id,
    name: `${repository.split('/')[1] ?? repository} (${r.pick(['node 20', 'python 3.12', 'go 1.23'])})`,
    repository,
    default_branch: 'main',
    created_at: createdAt,
    updated_at: createdAt + r.int(0, 30 * DAY_S),
    created_by_id: userOf(ctx.seed, workspaceId, n % Math.max(1, ctx.options.users)).user_id,
    internet_access: r.pick(['off', 'limited', 'on']),
    setup_script: 'npm ci && npm run build',
  };
}

/** All environments of a workspace, in id order. */
export function codexEnvironments(ctx: SimContext, workspaceId: string): CodexRecord[] {
  const envs = Array.from({ length: ctx.options.environments }, (_, n) => environmentAt(ctx, workspaceId, n));
  return envs.sort((a, b) => (a.id < b.id ? -1 : 1));
}
