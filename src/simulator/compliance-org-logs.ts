// GET /v1/compliance/organizations/{org_id}/logs and /logs/{id}: the same listing and 307 download as a
// workspace's, at organization scope, where the COSTS (Codex billing) files live. The core checks workspace
// ids only, so an unknown organization is answered 404 here.
import type { ServerResponse } from 'node:http';
import { isOrganizationFileType, ORGANIZATION_FILE_TYPES, organizationIdOf } from './compliance-files.js';
import { listLogs, redirectToFile, type LogScope } from './compliance-logs.js';
import type { ComplianceState } from './compliance-state.js';
import { sendError } from './http-util.js';
import type { Route, SimRequest } from './types.js';

const ORGANIZATION = '^/v1/compliance/organizations/(?<organization_id>[^/]+)';

/** The organization of the request, or undefined after answering 404. */
function scopeOf(state: ComplianceState, req: SimRequest, res: ServerResponse): LogScope | undefined {
  const id = req.params.organization_id ?? '';
  if (id !== organizationIdOf(state.ctx.seed)) {
    sendError(res, 'api', 404, `Organization ${id} not found.`);
    return undefined;
  }
  return { id, accepted: ORGANIZATION_FILE_TYPES, holdsFiles: isOrganizationFileType };
}

export function orgLogsRoute(state: ComplianceState): Route {
  return {
    name: 'org_logs',
    host: 'api',
    method: 'GET',
    pattern: new RegExp(`${ORGANIZATION}/logs$`),
    scope: 'compliance',
    handle: async (req, res) => {
      const scope = scopeOf(state, req, res);
      if (scope) await listLogs(state, scope, req, res);
    },
  };
}

export function orgLogDownloadRoute(state: ComplianceState): Route {
  return {
    name: 'org_log_download',
    host: 'api',
    method: 'GET',
    pattern: new RegExp(`${ORGANIZATION}/logs/(?<log_file_id>[^/]+)$`),
    scope: 'compliance',
    handle: (req, res) => {
      const scope = scopeOf(state, req, res);
      if (scope) redirectToFile(state, scope.id, req, res);
    },
  };
}
