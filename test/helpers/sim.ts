// A simulator plus temp files for config, catalog and state, for tests that run the built connector.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../src/simulator/index.js';
import { ofType, runConnector, type RunResult } from './protocol.js';

export type Json = Record<string, unknown>;

export interface Harness {
  sim: Simulator;
  dir: string;
  config(overrides?: Json): Json;
  write(name: string, value: unknown): string;
  read(
    streams: string[],
    options?: { config?: Json; state?: unknown[]; mode?: 'full_refresh' | 'incremental' },
  ): Promise<RunResult>;
  close(): Promise<void>;
}

export async function harness(options: SimulatorOptions = {}): Promise<Harness> {
  const sim = await startSimulator(options);
  const dir = mkdtempSync(join(tmpdir(), 'codex-e2e-'));
  let n = 0;
  const write = (name: string, value: unknown) => {
    const path = join(dir, `${n++}-${name}`);
    writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
    return path;
  };
  const config = (overrides: Json = {}): Json => ({
    workspace_ids: sim.workspaceIds,
    organization_id: sim.organizationId,
    analytics_api_key: sim.keys.analytics,
    compliance_api_key: sim.keys.compliance,
    admin_api_key: sim.keys.admin,
    api_base_url: sim.apiBaseUrl,
    admin_api_base_url: sim.adminBaseUrl,
    ...overrides,
  });
  return {
    sim,
    dir,
    config,
    write,
    read: (streams, o = {}) => {
      const catalog = {
        streams: streams.map((name) => ({
          stream: { name },
          sync_mode: o.mode ?? 'incremental',
          destination_sync_mode: 'append',
        })),
      };
      const args = [
        'read',
        '--config',
        write('config.json', o.config ?? config()),
        '--catalog',
        write('catalog.json', catalog),
      ];
      if (o.state) args.push('--state', write('state.json', o.state));
      return runConnector(args, { SOURCE_OPENAI_CODEX_RETRY_BASE_MS: '20' });
    },
    close: async () => {
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function recordsOf(run: RunResult, stream?: string): Json[] {
  return ofType(run.messages, 'RECORD')
    .map((m) => m.record as { stream: string; data: Json })
    .filter((r) => stream === undefined || r.stream === stream)
    .map((r) => r.data);
}

/** The last STATE per stream, as the array a platform hands back (without sourceStats). */
export function finalStates(run: RunResult): unknown[] {
  const last = new Map<string, unknown>();
  for (const m of ofType(run.messages, 'STATE')) {
    const stream = (m.state as { stream: { stream_descriptor: { name: string } } }).stream;
    last.set(stream.stream_descriptor.name, { type: 'STREAM', stream });
  }
  return [...last.values()];
}

export function statuses(run: RunResult, stream: string): string[] {
  return ofType(run.messages, 'TRACE')
    .map(
      (m) =>
        m.trace as { type: string; stream_status?: { stream_descriptor: { name: string }; status: string } },
    )
    .filter((t) => t.type === 'STREAM_STATUS' && t.stream_status?.stream_descriptor.name === stream)
    .map((t) => t.stream_status?.status ?? '');
}

export function errors(
  run: RunResult,
): { message: string; failure_type: string; stream_descriptor?: { name: string } }[] {
  return ofType(run.messages, 'TRACE')
    .map(
      (m) =>
        m.trace as {
          type: string;
          error?: { message: string; failure_type: string; stream_descriptor?: { name: string } };
        },
    )
    .filter((t) => t.type === 'ERROR')
    .map((t) => t.error ?? { message: '', failure_type: '' });
}

export function todayPlus(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
