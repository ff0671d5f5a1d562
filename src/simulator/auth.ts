// Bearer-key checks, answered the way each real host answers them.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendError, sendJson } from './http-util.js';
import type { Route, SimKeys, SimScope } from './types.js';

/** The permission names the real services report when a key lacks them. */
const SCOPE_NAMES: Record<SimScope, string> = {
  analytics: 'codex.enterprise.analytics.read',
  compliance: 'compliance.read',
  admin: 'api.management.read',
};

export function bearerKey(req: IncomingMessage): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return match?.[1];
}

/** Every key the simulator knows, with its scope (null: known, but good for nothing). */
export function keyScopes(keys: SimKeys): Map<string, SimScope | null> {
  return new Map<string, SimScope | null>([
    [keys.analytics, 'analytics'],
    [keys.compliance, 'compliance'],
    [keys.admin, 'admin'],
    [keys.noScope, null],
    [keys.nonAdmin, null],
  ]);
}

function forbid(res: ServerResponse, route: Route, scope: SimScope): void {
  if (route.host === 'admin') {
    // What api.openai.com answers for a project key (sk-proj-…) on an Admin endpoint.
    const message =
      `You have insufficient permissions for this operation. Missing scopes: ${SCOPE_NAMES[scope]}. ` +
      'Check that you have the correct role in your organization, and if you are using a restricted API key, ' +
      'that it has the necessary scopes.';
    sendJson(res, 403, { error: { message, type: 'invalid_request_error', param: null, code: null } });
  } else {
    sendError(res, route.host, 403, `This API key lacks the required scope ${SCOPE_NAMES[scope]}.`);
  }
}

/** Answers 401/403 and returns false when the key may not use the route. */
export function authorize(
  key: string | undefined,
  route: Route & { scope: SimScope },
  res: ServerResponse,
  scopes: Map<string, SimScope | null>,
  revoked: Set<string>,
): boolean {
  if (key === undefined) {
    sendError(res, route.host, 401, 'Missing bearer authentication in the Authorization header.');
    return false;
  }
  if (!scopes.has(key) || revoked.has(key)) {
    sendError(res, route.host, 401, 'Incorrect or revoked API key provided.');
    return false;
  }
  if (scopes.get(key) !== route.scope) {
    forbid(res, route, route.scope);
    return false;
  }
  return true;
}

export function keyForScope(keys: SimKeys, scope: SimScope): string {
  return keys[scope];
}
