// The demo directory's files: the connector config (holds keys, so 0600), the catalog, and the saved state.
import { existsSync } from 'node:fs';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface DemoPaths {
  dir: string;
  config: string;
  catalog: string;
  state: string;
  database: string;
}

export function demoPaths(dir: string): DemoPaths {
  return {
    dir,
    config: join(dir, 'config.json'),
    catalog: join(dir, 'catalog.json'),
    state: join(dir, 'state.json'),
    database: join(dir, 'codex.duckdb'),
  };
}

export interface SimulatorEndpoints {
  apiBaseUrl: string;
  adminBaseUrl: string;
  keys: { analytics: string; compliance: string; admin: string };
  workspaceIds: string[];
  organizationId: string;
}

/** UTC `YYYY-MM-DD`, `days` before `now`. */
export function daysAgo(now: number, days: number): string {
  return new Date(now - days * 86_400_000).toISOString().slice(0, 10);
}

export async function writeConfig(path: string, sim: SimulatorEndpoints, now: number): Promise<void> {
  const config = {
    workspace_ids: sim.workspaceIds,
    organization_id: sim.organizationId,
    analytics_api_key: sim.keys.analytics,
    compliance_api_key: sim.keys.compliance,
    admin_api_key: sim.keys.admin,
    api_base_url: sim.apiBaseUrl,
    admin_api_base_url: sim.adminBaseUrl,
    start_date: daysAgo(now, 29),
  };
  await writeFile(path, JSON.stringify(config, null, 2) + '\n', { mode: 0o600 });
  await chmod(path, 0o600); // `mode` applies only when the file is created
}

export async function writeJson(path: string, value: unknown): Promise<void> {
  await writeFile(path, JSON.stringify(value, null, 2) + '\n');
}

/** The saved STATE messages by stream; undefined on a first run, or when the file is empty or unreadable
 * (starting over is safe: rows are upserted by primary key). */
export async function loadStates(path: string): Promise<Map<string, unknown> | undefined> {
  if (!existsSync(path)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return undefined;
  }
  const states = new Map<string, unknown>();
  for (const entry of Array.isArray(raw) ? raw : []) {
    const name = streamName(entry);
    if (name !== undefined) states.set(name, entry);
  }
  return states.size > 0 ? states : undefined;
}

/** `state.stream.stream_descriptor.name` of a STREAM state, if it has one. */
export function streamName(state: unknown): string | undefined {
  const s = state as { type?: unknown; stream?: { stream_descriptor?: { name?: unknown } } } | null;
  const name = s?.stream?.stream_descriptor?.name;
  return s?.type === 'STREAM' && typeof name === 'string' ? name : undefined;
}
