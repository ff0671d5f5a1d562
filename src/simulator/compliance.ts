// The Compliance family of the simulator: log file listing and downloads (via signed URLs on the files
// host), Codex tasks and Codex environments. Data is generated lazily from the seed; see compliance-*.ts.
import { logFileRoute } from './compliance-download.js';
import { logDownloadRoute, logsRoute } from './compliance-logs.js';
import { freshnessRoute } from './compliance-freshness.js';
import { orgLogDownloadRoute, orgLogsRoute } from './compliance-org-logs.js';
import { cursorRoute } from './compliance-paging.js';
import { codexTasks } from './compliance-records.js';
import { environmentsRoute } from './compliance-environments.js';
import { createState } from './compliance-state.js';
import { usersRoute } from './compliance-users.js';
import { complianceTruth, type ComplianceTruth } from './compliance-truth.js';
import type { RouteModule, SimContext } from './types.js';

export type { ComplianceTruth } from './compliance-truth.js';
export type { LogFileEntry } from './compliance-state.js';
export type { CodexRecord } from './compliance-records.js';
export {
  LOG_EVENT_TYPES,
  organizationIdOf,
  WORKSPACE_FILE_TYPES,
  type LogEventType,
} from './compliance-files.js';

export function complianceModule(ctx: SimContext): RouteModule & { truth: ComplianceTruth } {
  const state = createState(ctx);
  return {
    routes: [
      logsRoute(state),
      logDownloadRoute(state),
      logFileRoute(state),
      orgLogsRoute(state),
      orgLogDownloadRoute(state),
      cursorRoute('codex_tasks', (c, ws) => codexTasks(c, ws)),
      environmentsRoute(ctx),
      usersRoute(),
      freshnessRoute(),
    ],
    truth: complianceTruth(state),
  };
}
