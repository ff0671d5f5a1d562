// startSimulator: three loopback origins, seed-derived ids and keys, clean shutdown.
import { describe, expect, it } from 'vitest';
import { startSimulator } from '../../src/simulator/index.js';
import { get } from './harness.js';

describe('startSimulator', () => {
  it('listens on three distinct loopback origins, the files host at localhost', async () => {
    const sim = await startSimulator();
    try {
      expect(sim.origins.api).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(sim.origins.admin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(sim.origins.files).toMatch(/^http:\/\/localhost:\d+$/);
      expect(new Set(Object.values(sim.origins)).size).toBe(3);
      expect(sim.apiBaseUrl).toBe(`${sim.origins.api}/v1`);
      expect(sim.adminBaseUrl).toBe(`${sim.origins.admin}/v1`);
      expect((await get(`${sim.origins.files}/nothing`)).status).toBe(404);
    } finally {
      await sim.close();
    }
  });

  it('derives keys of each kind, long and distinct, and the documented defaults', async () => {
    const sim = await startSimulator();
    await sim.close();
    const { keys } = sim;
    expect(keys.analytics).toMatch(/^sk-codex-analytics-[A-Za-z0-9_-]{24,}$/);
    expect(keys.compliance).toMatch(/^sk-codex-compliance-[A-Za-z0-9_-]{24,}$/);
    expect(keys.admin).toMatch(/^sk-admin-[A-Za-z0-9_-]{24,}$/);
    expect(keys.noScope).toMatch(/^sk-codex-noscope-[A-Za-z0-9_-]{24,}$/);
    expect(keys.nonAdmin).toMatch(/^sk-proj-[A-Za-z0-9_-]{24,}$/);
    expect(new Set(Object.values(keys)).size).toBe(5);
    expect(sim.workspaceIds).toHaveLength(2);
    expect(sim.workspaceIds).not.toContain(sim.unknownWorkspaceId);
    expect(sim.options).toMatchObject({
      seed: 42,
      users: 25,
      days: 30,
      rateLimitPerMinute: 100,
      bucketArrayKey: 'results',
    });
  });

  it('honours an api port, refuses a non-loopback host, and frees its ports on close', async () => {
    await expect(startSimulator({ host: '0.0.0.0' })).rejects.toThrow(/loopback/);
    const first = await startSimulator();
    const port = Number(new URL(first.origins.api).port);
    await first.close();
    await expect(get(`${first.apiBaseUrl}/x`)).rejects.toThrow();
    const second = await startSimulator({ port });
    try {
      expect(second.origins.api).toBe(`http://127.0.0.1:${port}`);
    } finally {
      await second.close();
    }
  });

  it('applies faults given at start and rejects nonsense sizes', async () => {
    await expect(startSimulator({ users: -1 })).rejects.toThrow(/users/);
    const sim = await startSimulator({ faults: [{ kind: 'status', route: '*', status: 502 }] });
    try {
      const url = `${sim.apiBaseUrl}/analytics/codex/workspaces/${sim.workspaceIds[0] ?? ''}/code_reviews`;
      expect((await get(url, sim.keys.analytics)).status).toBe(502);
      expect((await get(url, sim.keys.analytics)).status).toBe(200);
    } finally {
      await sim.close();
    }
  });
});
