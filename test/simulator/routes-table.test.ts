// The simulator is a separate program and may not import the stream table, so this test holds the two together
// from outside: a read of every stream of the table must be served (every path answered 200), and every route
// the simulator serves must be one some stream reads, or be named below with the reason it exists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAMILIES } from '../../src/api/families.js';
import type { StreamDef } from '../../src/stream-def.js';
import { STREAMS } from '../../src/streams.js';
import { harness, type Harness } from '../helpers/sim.js';
import type { RunResult } from '../helpers/protocol.js';

/** Routes whose paths are no stream's own path, each with why the simulator serves it. */
const NOT_STREAM_ROUTES: Record<string, string> = {
  log_download: "a workspace log file's download: a redirect to a signed URL (compliance_logs)",
  org_log_download: "an organization log file's download, likewise (codex_costs)",
  log_file: 'the file host behind those redirects: signed URLs, no key',
  max_event_time: "the Compliance logs' freshness, which `check` and `read` ask for",
};

let h: Harness;
let run: RunResult;

beforeAll(async () => {
  h = await harness({ users: 4, days: 4, logFilesPerDay: 1, eventsPerFile: 3 });
  run = await h.read(
    STREAMS.map((s) => s.name),
    { mode: 'full_refresh' },
  );
}, 120_000);
afterAll(async () => h?.close());

/** A stream's whole request path under its family's root, ids as wildcards: `/v1/organization/projects/…/users`. */
function pathPattern(def: StreamDef): RegExp {
  const root = FAMILIES[def.family].root(
    def.partitions === 'compliance_organization' ? { organizationId: 'ID' } : { workspaceId: 'ID' },
  );
  const path = `/v1${root}${def.path}`.replace(/\{\w+\}|ID/g, '[^/]+');
  return new RegExp(`^${path}/?$`);
}
const PATTERNS = STREAMS.map(pathPattern);

describe('simulator routes and the stream table', () => {
  it('reads every stream of the table without an error', () => {
    expect(run.code, run.stderr).toBe(0);
  });

  it.each(STREAMS.map((s, i) => [s.name, s.path, i] as const))(
    '%s: its path %s is served (200)',
    (_n, _p, i) => {
      const pattern = PATTERNS[i] as RegExp;
      const served = h.sim.stats.requests.filter((r) => pattern.test(r.path) && r.status === 200);
      expect(served.length).toBeGreaterThan(0);
    },
  );

  it('serves no route that no stream reads, beyond the named exceptions', () => {
    const hit = new Set(
      h.sim.stats.requests.filter((r) => PATTERNS.some((p) => p.test(r.path))).map((r) => r.route),
    );
    const unread = h.sim.routeNames.filter((name) => !hit.has(name) && !(name in NOT_STREAM_ROUTES));
    expect(h.sim.routeNames.length).toBeGreaterThan(STREAMS.length / 2);
    expect(unread).toEqual([]);
  });

  it('names no exception the simulator does not serve', () => {
    expect(Object.keys(NOT_STREAM_ROUTES).filter((n) => !h.sim.routeNames.includes(n))).toEqual([]);
  });
});
