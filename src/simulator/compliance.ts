// PLACEHOLDER: replaced by the compliance family (log files, downloads, tasks, environments).
import type { RouteModule, SimContext } from './types.js';

export type ComplianceTruth = Record<string, never>;

export function complianceModule(_ctx: SimContext): RouteModule & { truth: ComplianceTruth } {
  return { routes: [], truth: {} };
}
