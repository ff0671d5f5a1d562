// Every request the simulator answered, so tests can assert what a client actually sent.
import type { RequestRecord, SimStats } from './types.js';

export function createStats(): SimStats {
  const requests: RequestRecord[] = [];
  return {
    requests,
    authorizationAtFileHost: () => requests.filter((r) => r.host === 'files' && r.hasAuthorization).length,
    count: (route) =>
      route === undefined ? requests.length : requests.filter((r) => r.route === route).length,
    reset: () => {
      // Cleared in place: callers may hold the `requests` array.
      requests.length = 0;
    },
  };
}

export function queryRecord(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    out[key] = values.length === 1 ? (values[0] ?? '') : values;
  }
  return out;
}
