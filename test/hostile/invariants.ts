// What must hold after every lie, whatever the lie: the process ended within its bound; it either succeeded
// or failed loudly (a TRACE ERROR and a non-zero exit); no 8-character piece of any key in stdout or stderr.
// Plus small readers of the run's messages.
import { expect } from 'vitest';
import type { HostileRun, Json } from './run.js';

/** Public key prefixes (the vendor's fixed words); pieces wholly inside them are not secret. */
const PUBLIC = /^sk-(?:admin-|codex-analytics-|codex-compliance-)?/;

export function keyPiecesIn(text: string, keys: Record<string, string>): string[] {
  const found: string[] = [];
  for (const key of Object.values(keys)) {
    const open = PUBLIC.exec(key)?.[0].length ?? 0;
    for (let at = Math.max(0, open - 7); at + 8 <= key.length; at++) {
      const piece = key.slice(at, at + 8);
      if (text.includes(piece)) found.push(piece);
    }
  }
  return found;
}

export function expectInvariants(run: HostileRun, keys: Record<string, string>, boundMs: number): void {
  expect(run.timedOut, 'the process ran past its bound and was killed').toBe(false);
  expect(run.ms).toBeLessThan(boundMs);
  expect(keyPiecesIn(run.stdout + run.stderr, keys)).toEqual([]);
  if (run.code === 0) return;
  if (run.tap) expect(run.stderr, 'a failing tap says why on stderr').toMatch(/^(ERROR|CRITICAL) /m);
  else expect(errorsOf(run).length, 'a failing run says why in a TRACE ERROR').toBeGreaterThan(0);
}

export function expectFailedLoudly(run: HostileRun, stream: string, code: string): string {
  expect(run.code).not.toBe(0);
  const error = errorsOf(run).find((e) => e.stream_descriptor?.name === stream);
  expect(error, `a TRACE ERROR for ${stream}`).toBeDefined();
  expect(error?.internal_message).toBe(code);
  return error?.message ?? '';
}

export function expectSucceeded(run: HostileRun): void {
  expect(errorsOf(run)).toEqual([]);
  expect(run.code).toBe(0);
}

interface TraceError {
  message: string;
  failure_type: string;
  internal_message?: string;
  stream_descriptor?: { name: string };
}

export function errorsOf(run: HostileRun): TraceError[] {
  return run.messages
    .filter((m) => m.type === 'TRACE' && (m.trace as Json).type === 'ERROR')
    .map((m) => (m.trace as { error: TraceError }).error);
}

export function recordsOf(run: HostileRun, stream: string): Json[] {
  return run.messages
    .filter((m) => m.type === 'RECORD' && (m.record as Json).stream === stream)
    .map((m) => (m.record as { data: Json }).data);
}

export function warningsOf(run: HostileRun): string[] {
  return run.messages
    .filter((m) => m.type === 'LOG' && (m.log as Json).level === 'WARN')
    .map((m) => (m.log as { message: string }).message);
}

/** The last STATE per stream, as the array a platform feeds back. */
export function finalStates(run: HostileRun): unknown[] {
  const last = new Map<string, unknown>();
  for (const m of run.messages.filter((x) => x.type === 'STATE')) {
    const stream = (m.state as { stream: { stream_descriptor: { name: string } } }).stream;
    last.set(stream.stream_descriptor.name, { type: 'STREAM', stream });
  }
  return [...last.values()];
}

/** Every cursor value in the last STATE of a stream. */
export function cursorsOf(run: HostileRun, stream: string): unknown[] {
  const state = finalStates(run).find(
    (s) =>
      (s as { stream: { stream_descriptor: { name: string } } }).stream.stream_descriptor.name === stream,
  ) as { stream: { stream_state: { states?: { cursor: Json }[] } } } | undefined;
  return (state?.stream.stream_state.states ?? []).flatMap((s) => Object.values(s.cursor));
}
