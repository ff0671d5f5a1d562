// Faults the core applies to any route, before the route runs: latency, error statuses, cut bodies.
import type { ServerResponse } from 'node:http';
import { sendError } from './http-util.js';
import { cutResponse } from './response-cut.js';
import type { FaultSpec, Route, SimContext } from './types.js';

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** 429 without an explicit retryAfter gets one second, as the real API does; null means no header at all. */
function retryAfterHeader(spec: FaultSpec, status: number): Record<string, string> {
  const value = spec.retryAfter === undefined ? (status === 429 ? '1' : null) : spec.retryAfter;
  return value === null ? {} : { 'retry-after': value };
}

function statusMessage(status: number): string {
  if (status === 429) return 'Rate limit exceeded (injected fault)';
  return `Injected fault: HTTP ${status}`;
}

/** Returns true when the fault has answered the request and the route must not run. */
export async function applyGenericFaults(
  route: Route,
  res: ServerResponse,
  ctx: SimContext,
): Promise<boolean> {
  const latency = ctx.faults.take(route.name, 'latency');
  if (latency) {
    let gone = false;
    res.once('close', () => (gone = true));
    await sleep(latency.ms ?? 1000);
    // A client that gave up while we slept (its timeout) is not answered, and its request takes no fault
    // armed since: else a later test's fault would fire on a request nobody reads.
    if (gone || res.destroyed) return true;
  }
  const status = ctx.faults.take(route.name, 'status');
  if (status) {
    const code = status.status ?? 500;
    sendError(res, route.host, code, statusMessage(code), retryAfterHeader(status, code));
    return true;
  }
  if (ctx.faults.take(route.name, 'reset')) cutResponse(res, 'reset');
  else if (ctx.faults.take(route.name, 'truncate')) cutResponse(res, 'truncate');
  return false;
}
