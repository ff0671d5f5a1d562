// Airbyte protocol v0 messages, and their serialization: one JSON object per line.
import type { FailureType } from '../engine/errors.js';

export type Message = Record<string, unknown> & { type: string };
export type StreamStatus = 'STARTED' | 'RUNNING' | 'COMPLETE' | 'INCOMPLETE';

export function recordMessage(stream: string, data: unknown, emittedAt: number): Message {
  return { type: 'RECORD', record: { stream, data, emitted_at: emittedAt } };
}

export function stateMessage(stream: string, streamState: unknown, recordCount: number): Message {
  return {
    type: 'STATE',
    state: {
      type: 'STREAM',
      stream: { stream_descriptor: { name: stream }, stream_state: streamState },
      sourceStats: { recordCount },
    },
  };
}

export function logMessage(level: string, message: string): Message {
  return { type: 'LOG', log: { level, message } };
}

export function statusMessage(stream: string, status: StreamStatus, emittedAt: number): Message {
  return {
    type: 'TRACE',
    trace: {
      type: 'STREAM_STATUS',
      emitted_at: emittedAt,
      stream_status: { stream_descriptor: { name: stream }, status },
    },
  };
}

export function errorTrace(
  message: string,
  failureType: FailureType,
  emittedAt: number,
  stream?: string,
  internalMessage?: string,
): Message {
  const error: Record<string, unknown> = { message, failure_type: failureType };
  if (internalMessage !== undefined) error.internal_message = internalMessage;
  if (stream !== undefined) error.stream_descriptor = { name: stream };
  return { type: 'TRACE', trace: { type: 'ERROR', emitted_at: emittedAt, error } };
}

export function connectionStatus(status: 'SUCCEEDED' | 'FAILED', message: string): Message {
  return { type: 'CONNECTION_STATUS', connectionStatus: { status, message } };
}

// JSON.stringify leaves these raw inside strings, but Python's splitlines() (used by Airbyte's tests and
// platform) breaks lines on them; escaping keeps one message on one line for every reader.
// eslint-disable-next-line no-control-regex -- matching these control characters is the point
const LINE_BREAKER = /[\u000b\u000c\u001c\u001d\u001e\u0085\u2028\u2029]/;
const LINE_BREAKERS = new RegExp(LINE_BREAKER.source, 'g');

export function serialize(message: unknown): string {
  const json = JSON.stringify(message);
  return LINE_BREAKER.test(json)
    ? json.replace(LINE_BREAKERS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    : json;
}
