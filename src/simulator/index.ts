// The Codex API simulator: three loopback HTTP origins (api, admin, signed-URL files) serving the Analytics,
// Compliance and Admin families from a seed, with fault injection. A separate program from the connector.
import { adminModule, type AdminTruth } from './admin.js';
import { analyticsModule, type AnalyticsTruth } from './analytics.js';
import { complianceModule, organizationIdOf, type ComplianceTruth } from './compliance.js';
import { createContext, resolveSizes, unknownWorkspaceId } from './context.js';
import { listenLocalhost, listenLoopback, type Listener } from './listen.js';
import { createCoreState, createHandler } from './server.js';
import type { FaultRegistry, FaultSpec, SimHost, SimKeys, SimSizeOptions, SimStats } from './types.js';

export type * from './types.js';
export type { AnalyticsTruth } from './analytics.js';

export interface SimulatorOptions extends SimSizeOptions {
  /** Loopback address for the api and admin hosts; default 127.0.0.1. */
  host?: string;
  /** Port for the api host; default 0 (a free port). The admin and files hosts always take free ports. */
  port?: number;
  /** The simulator's clock in epoch ms; default Date.now. */
  now?: () => number;
  faults?: FaultSpec[];
}

export interface Simulator {
  /** `${origins.api}/v1`: analytics and compliance routes. */
  apiBaseUrl: string;
  /** `${origins.admin}/v1`: admin routes under /v1/organization/…. */
  adminBaseUrl: string;
  origins: Record<SimHost, string>;
  keys: SimKeys;
  workspaceIds: string[];
  /** The organization whose Compliance logs (COSTS) are served. */
  organizationId: string;
  /** A well-formed workspace id that answers 404. */
  unknownWorkspaceId: string;
  faults: FaultRegistry;
  stats: SimStats;
  options: Required<SimSizeOptions>;
  /** Every route the simulator serves, by the name faults and stats use (test/simulator/routes-table.test.ts
   * holds them to the stream table). */
  routeNames: string[];
  /** Restates the most recent analytics days (their values change). */
  advanceEpoch(): void;
  truth: { analytics: AnalyticsTruth; compliance: ComplianceTruth; admin: AdminTruth };
  close(): Promise<void>;
}

async function listenAll(
  opts: SimulatorOptions,
  state: ReturnType<typeof createCoreState>,
): Promise<Record<SimHost, Listener>> {
  const host = opts.host ?? '127.0.0.1';
  const listeners: Listener[] = [];
  try {
    listeners.push(await listenLoopback(createHandler('api', state), host, opts.port ?? 0));
    listeners.push(await listenLoopback(createHandler('admin', state), host, 0));
    listeners.push(await listenLocalhost(createHandler('files', state)));
  } catch (err) {
    await Promise.all(listeners.map((l) => l.close()));
    throw err;
  }
  const [api, admin, files] = listeners as [Listener, Listener, Listener];
  return { api, admin, files };
}

export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const ctx = createContext(resolveSizes(opts), opts.now ?? Date.now, opts.faults ?? []);
  const state = createCoreState(ctx, ctx.faults.revokedKeys);
  const listeners = await listenAll(opts, state);
  ctx.origins = { api: listeners.api.origin, admin: listeners.admin.origin, files: listeners.files.origin };
  // Modules are built once origins are known: compliance redirects point at the files origin.
  const analytics = analyticsModule(ctx);
  const compliance = complianceModule(ctx);
  const admin = adminModule(ctx);
  state.routes.push(...analytics.routes, ...compliance.routes, ...admin.routes);
  return {
    apiBaseUrl: `${ctx.origins.api}/v1`,
    adminBaseUrl: `${ctx.origins.admin}/v1`,
    origins: ctx.origins,
    keys: ctx.keys,
    workspaceIds: ctx.workspaceIds,
    organizationId: organizationIdOf(ctx.seed),
    unknownWorkspaceId: unknownWorkspaceId(ctx.seed),
    faults: ctx.faults,
    stats: ctx.stats,
    options: ctx.options,
    routeNames: state.routes.map((r) => r.name),
    advanceEpoch: () => {
      ctx.epoch += 1;
    },
    truth: { analytics: analytics.truth, compliance: compliance.truth, admin: admin.truth },
    close: async () => {
      await Promise.all(Object.values(listeners).map((l) => l.close()));
    },
  };
}
