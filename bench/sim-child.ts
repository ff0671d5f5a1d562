// The simulator as a process of its own (`node sim-child.js '<options json>'`), so the CPU it spends making
// data is neither the connector's nor the baseline's. It prints one `ready` line, then answers one JSON
// command per stdin line: `requests` (what it answered since the last `reset`), `reset`, `cpu`, `close`.
import { createInterface } from 'node:readline';
import { startSimulator, type SimulatorOptions } from '../src/simulator/index.js';
import type { SimInfo, SimRequestRecord } from './sim-types.js';

const options = JSON.parse(process.argv[2] ?? '{}') as SimulatorOptions;
const sim = await startSimulator({ ...options, host: '127.0.0.1' });

function send(message: unknown): void {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

function requests(): SimRequestRecord[] {
  return sim.stats.requests.map((r) => ({
    at: r.at,
    host: r.host,
    route: r.route,
    workspace: /\/workspaces\/([^/]+)/.exec(r.path)?.[1] ?? null,
    status: r.status,
    query: r.query,
  }));
}

function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

async function answer(op: string): Promise<unknown> {
  switch (op) {
    case 'requests':
      return requests();
    case 'reset':
      sim.stats.reset();
      return true;
    case 'cpu':
      return cpuSeconds();
    case 'close':
      await sim.close();
      setImmediate(() => process.exit(0));
      return true;
    default:
      throw new Error(`unknown command ${op}`);
  }
}

const info: SimInfo = {
  apiBaseUrl: sim.apiBaseUrl,
  adminBaseUrl: sim.adminBaseUrl,
  workspaceIds: sim.workspaceIds,
  keys: { analytics: sim.keys.analytics, compliance: sim.keys.compliance, admin: sim.keys.admin },
  options: sim.options,
};
send({ ready: info });

createInterface({ input: process.stdin }).on('line', (line) => {
  const { id, op } = JSON.parse(line) as { id: number; op: string };
  answer(op).then(
    (result) => send({ id, result }),
    (error: unknown) => send({ id, error: String(error) }),
  );
});
process.on('SIGTERM', () => void sim.close().then(() => process.exit(0)));
