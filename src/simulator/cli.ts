// `source-openai-codex simulate`: runs the simulator until SIGINT/SIGTERM and prints how to reach it.
// Printing the keys is the point: they are keys of this local fake, and nothing else accepts them.
import { parseFault } from './fault-parse.js';
import { startSimulator, type Simulator } from './index.js';

export interface SimulateArgs {
  port?: number;
  host?: string;
  seed?: number;
  workspaces?: number;
  users?: number;
  days?: number;
  latencyMs?: number;
  /** See fault-parse.ts for the syntax, e.g. `status:usage:503:times=3`. */
  faults?: string[];
  json?: boolean;
}

function describe(sim: Simulator): string[] {
  return [
    `Codex API simulator running (seed ${sim.options.seed}). Press Ctrl-C to stop.`,
    `  api_base_url        ${sim.apiBaseUrl}`,
    `  admin_api_base_url  ${sim.adminBaseUrl}`,
    `  files origin        ${sim.origins.files}`,
    `  workspace_ids       ${sim.workspaceIds.join(', ')}`,
    `  organization_id     ${sim.organizationId}`,
    `  analytics_api_key   ${sim.keys.analytics}`,
    `  compliance_api_key  ${sim.keys.compliance}`,
    `  admin_api_key       ${sim.keys.admin}`,
  ];
}

function summary(sim: Simulator): string {
  return JSON.stringify({
    api_base_url: sim.apiBaseUrl,
    admin_api_base_url: sim.adminBaseUrl,
    workspace_ids: sim.workspaceIds,
    organization_id: sim.organizationId,
    analytics_api_key: sim.keys.analytics,
    compliance_api_key: sim.keys.compliance,
    admin_api_key: sim.keys.admin,
  });
}

function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export async function runSimulate(args: SimulateArgs): Promise<void> {
  // Parse faults before listening, so a typo fails fast with nothing left running.
  const faults = (args.faults ?? []).map((text) => parseFault(text));
  const sim = await startSimulator({
    port: args.port,
    host: args.host,
    seed: args.seed,
    workspaces: args.workspaces,
    users: args.users,
    days: args.days,
    latencyMs: args.latencyMs,
    faults,
  });
  console.log(args.json ? summary(sim) : describe(sim).join('\n'));
  await untilSignal();
  await sim.close();
}
