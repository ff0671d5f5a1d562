// The fault registry's counting rules and the CLI's fault syntax.
import { describe, expect, it } from 'vitest';
import { parseFault } from '../../src/simulator/fault-parse.js';
import { createFaultRegistry } from '../../src/simulator/faults.js';

describe('fault registry', () => {
  it('fires `times` times after skipping `after` matching requests', () => {
    const faults = createFaultRegistry([{ kind: 'status', route: 'usage', times: 2, after: 1 }]);
    const fired = Array.from({ length: 5 }, () => faults.take('usage', 'status') !== undefined);
    expect(fired).toEqual([false, true, true, false, false]);
  });

  it('matches by kind and route, with * for every route', () => {
    const faults = createFaultRegistry([
      { kind: 'latency', route: '*', times: Infinity, ms: 5 },
      { kind: 'status', route: 'logs' },
    ]);
    expect(faults.take('usage', 'status')).toBeUndefined();
    expect(faults.take('usage', 'latency')?.ms).toBe(5);
    expect(faults.take('anything', 'latency')).toBeDefined();
    expect(faults.take('logs', 'status')).toBeDefined();
    faults.clear();
    expect(faults.take('usage', 'latency')).toBeUndefined();
  });

  it('restricts a fault with fileId to that file', () => {
    const faults = createFaultRegistry([{ kind: 'sha_mismatch', route: 'log_download', fileId: 'f2' }]);
    expect(faults.take('log_download', 'sha_mismatch', 'f1')).toBeUndefined();
    expect(faults.take('log_download', 'sha_mismatch')).toBeUndefined();
    expect(faults.take('log_download', 'sha_mismatch', 'f2')).toBeDefined();
    expect(faults.take('log_download', 'sha_mismatch', 'f2')).toBeUndefined();
  });

  it('counts a request toward every matching fault, not only the one that fires', () => {
    const faults = createFaultRegistry([
      { kind: 'status', route: 'usage', status: 500 },
      { kind: 'status', route: 'usage', status: 503, after: 1 },
    ]);
    expect(faults.take('usage', 'status')?.status).toBe(500);
    expect(faults.take('usage', 'status')?.status).toBe(503);
  });
});

describe('fault strings', () => {
  it('parses kind, route, status and options', () => {
    expect(parseFault('status:usage:503:times=3')).toEqual({
      kind: 'status',
      route: 'usage',
      status: 503,
      times: 3,
    });
    expect(parseFault('latency:*:ms=200:times=inf')).toEqual({
      kind: 'latency',
      route: '*',
      ms: 200,
      times: Infinity,
    });
    expect(parseFault('empty_pages:usage:count=3:after=1')).toEqual({
      kind: 'empty_pages',
      route: 'usage',
      count: 3,
      after: 1,
    });
    expect(parseFault('sha_mismatch:log_download:file=eclf_1').fileId).toBe('eclf_1');
  });

  it('reads retry_after as seconds, none, or an HTTP date ahead of now', () => {
    expect(parseFault('status:usage:429:retry_after=2').retryAfter).toBe('2');
    expect(parseFault('status:usage:429:retry_after=none').retryAfter).toBeNull();
    const now = Date.parse('2026-07-20T12:00:00Z');
    expect(parseFault('status:usage:429:retry_after=date+30', now).retryAfter).toBe(
      'Mon, 20 Jul 2026 12:00:30 GMT',
    );
  });

  it.each(['boom:usage', 'status', 'status:', 'status:usage:times=x', 'status:usage:color=red'])(
    'rejects %s with a message naming it',
    (text) => {
      expect(() => parseFault(text)).toThrow(text);
    },
  );
});
