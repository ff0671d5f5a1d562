// `simulate`: prints how to reach the simulator, serves until a signal, then closes.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runSimulate, type SimulateArgs } from '../../src/simulator/cli.js';
import { get } from './harness.js';

/** Starts runSimulate and returns what it printed plus a way to deliver SIGTERM to it alone. */
async function launch(args: SimulateArgs) {
  const printed: string[] = [];
  const log = vi
    .spyOn(console, 'log')
    .mockImplementation((...parts: unknown[]) => void printed.push(parts.join(' ')));
  const before = new Set(process.listeners('SIGTERM'));
  const done = runSimulate(args);
  await vi.waitFor(() => expect(printed.length).toBeGreaterThan(0));
  log.mockRestore();
  const ours = process.listeners('SIGTERM').filter((l) => !before.has(l));
  expect(ours).toHaveLength(1);
  // Calling our own listener rather than signalling the process: the test runner has handlers too.
  const stop = async () => {
    for (const listener of ours) (listener as (s: NodeJS.Signals) => void)('SIGTERM');
    await done;
  };
  return { output: printed.join('\n'), stop };
}

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

describe('runSimulate', () => {
  it('prints one JSON line a config can be made from, and the keys in it work', async () => {
    const run = await launch({ json: true, seed: 5, workspaces: 3 });
    stop = run.stop;
    const info = JSON.parse(run.output) as Record<string, unknown>;
    expect(Object.keys(info).sort()).toEqual(
      [
        'admin_api_base_url',
        'admin_api_key',
        'analytics_api_key',
        'api_base_url',
        'compliance_api_key',
        'organization_id',
        'workspace_ids',
      ].sort(),
    );
    expect(info.workspace_ids).toHaveLength(3);
    const ws = (info.workspace_ids as string[])[0] ?? '';
    const reply = await get(
      `${String(info.api_base_url)}/analytics/codex/workspaces/${ws}/usage?limit=1`,
      String(info.analytics_api_key),
    );
    expect(reply.status).toBe(200);
  });

  it('prints base URLs and keys for people, and applies --fault strings', async () => {
    const run = await launch({ faults: ['status:usage:503:times=1'] });
    stop = run.stop;
    const api = /api_base_url\s+(\S+)/.exec(run.output)?.[1] ?? '';
    const key = /analytics_api_key\s+(\S+)/.exec(run.output)?.[1] ?? '';
    const ws = /workspace_ids\s+([0-9a-f-]{36})/.exec(run.output)?.[1] ?? '';
    expect(run.output).toMatch(/admin_api_base_url\s+http:\/\/127\.0\.0\.1:\d+\/v1/);
    expect(key).toMatch(/^sk-codex-analytics-.{24,}$/);
    const url = `${api}/analytics/codex/workspaces/${ws}/usage`;
    expect((await get(url, key)).status).toBe(503);
    expect((await get(url, key)).status).toBe(200);
  });

  it('stops serving after SIGTERM', async () => {
    const run = await launch({ json: true });
    const info = JSON.parse(run.output) as { api_base_url: string };
    await run.stop();
    await expect(get(`${info.api_base_url}/anything`)).rejects.toThrow();
  });

  it('rejects a malformed fault before starting anything', async () => {
    await expect(runSimulate({ faults: ['status:usage:abc=1'] })).rejects.toThrow(/status:usage:abc=1/);
  });
});
