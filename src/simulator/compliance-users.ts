// GET /v1/compliance/workspaces/{id}/users: the workspace's members, in id order, paged with `limit`
// (default 200) and `after` = the previous page's `last_id`. The members are the users of the Compliance
// events and tasks, so every Codex user_id there has a row here; unlike events, every row has an email.
import { rngFor } from './compliance-rng.js';
import { userOf } from './compliance-text.js';
import { intParam, sendJson, sendValidationError } from './http-util.js';
import type { Route, SimContext } from './types.js';

const MAX_LIMIT = 200;
const ROLES = ['standard-user', 'standard-user', 'standard-user', 'analytics-viewer', 'account-admin'];
const FIRST = ['Ana', 'Li', 'Sam', 'Zoë', 'Ravi', 'Noor', 'Seán'] as const;
const DAY_S = 86_400;
const ANCHOR_S = Date.UTC(2025, 0, 1) / 1000;

export type WorkspaceUser = Record<string, unknown> & { id: string };

function memberAt(ctx: SimContext, workspaceId: string, n: number): WorkspaceUser {
  const user = userOf(ctx.seed, workspaceId, n);
  const r = rngFor(ctx.seed, 'member', workspaceId, n);
  return {
    object: 'compliance.workspace.user',
    id: user.user_id,
    email: user.user_email ?? `member${n}@example.com`,
    name: n % 6 === 5 ? null : `${r.pick(FIRST)} ${String.fromCharCode(65 + (n % 26))}.`,
    created_at: ANCHOR_S + r.int(0, 300 * DAY_S),
    role: n === 0 ? 'account-owner' : r.pick(ROLES),
    status: n % 8 === 7 ? 'inactive' : 'active',
  };
}

/** All members of a workspace, in id order. */
export function workspaceUsers(ctx: SimContext, workspaceId: string): WorkspaceUser[] {
  const all = Array.from({ length: ctx.options.users }, (_, n) => memberAt(ctx, workspaceId, n));
  return all.sort((a, b) => (a.id < b.id ? -1 : 1));
}

export function usersRoute(): Route {
  return {
    name: 'compliance_users',
    host: 'api',
    method: 'GET',
    pattern: /^\/v1\/compliance\/workspaces\/(?<workspace_id>[^/]+)\/users$/,
    scope: 'compliance',
    handle: (req, res, ctx) => {
      const limit = intParam(req.url, 'limit', 1, MAX_LIMIT);
      if (limit === null)
        return sendValidationError(res, 'api', 'limit', `limit must be between 1 and ${MAX_LIMIT}`);
      const all = workspaceUsers(ctx, req.params.workspace_id ?? '');
      const after = req.url.searchParams.get('after');
      const start = after === null ? 0 : all.findIndex((u) => u.id === after) + 1;
      if (after !== null && start === 0)
        return sendValidationError(res, 'api', 'after', `no user with id ${after} in this workspace`);
      if (ctx.faults.take('compliance_users', 'malformed_envelope')) return sendJson(res, 200, { users: [] });
      const data = all.slice(start, start + (limit ?? MAX_LIMIT));
      const hasMore = start + data.length < all.length;
      sendJson(res, 200, { object: 'list', data, has_more: hasMore, last_id: data.at(-1)?.id ?? null });
    },
  };
}
