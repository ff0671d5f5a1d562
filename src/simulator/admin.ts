// PLACEHOLDER: replaced by the Admin family (usage, costs, audit logs, users, invites, projects).
import type { RouteModule, SimContext } from './types.js';

export type AdminTruth = Record<string, never>;

export function adminModule(_ctx: SimContext): RouteModule & { truth: AdminTruth } {
  return { routes: [], truth: {} };
}
