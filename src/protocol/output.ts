// The only writer of stdout. Batches lines into large writes, waits for 'drain' (backpressure), and redacts
// every configured secret, and every piece of one in log, trace and status messages (redactor.ts), before
// anything leaves the process. A batch is written as its pieces in one corked write (writev): a log event's own
// bytes go out as they came in, never copied into a batch buffer.
// Escaping and redaction search each piece's bytes; a piece is whole JSON text or a whole JSON value, so
// neither a separator nor a secret can straddle two pieces.
import type { Writable } from 'node:stream';
import { rawJsonOf } from '../engine/raw-json.js';
import type { Row } from '../engine/types.js';
import { escapeLineBreakerBytes, recordMessage, type Message } from './messages.js';
import type { Redactor } from './redactor.js';

export { Redactor } from './redactor.js';

const FLUSH_BYTES = 64 * 1024;

/**
 * Messages that quote text from outside (error bodies, API messages): every piece of a secret goes. The others
 * keep their text, so a secret made of words cannot mask a stream name in a CATALOG or a field in a STATE;
 * records are the API's data, passed whole. flush() still masks any whole secret in every message.
 */
const QUOTES_OUTSIDE = new Set(['LOG', 'TRACE', 'CONNECTION_STATUS']);

export class Output {
  private pieces: (string | Buffer)[] = [];
  private size = 0;
  private readonly heads = new Map<string, Buffer>();
  private sealed = false;

  constructor(
    private readonly stream: Writable,
    readonly redactor: Redactor,
  ) {}

  /** Queues a message and writes the batch once it is large enough. */
  async emit(message: Message): Promise<void> {
    this.queue(message);
    if (this.size >= FLUSH_BYTES) await this.flush();
  }

  /**
   * Queues Airbyte RECORD messages for a batch of rows and writes once, if the batch is large enough. A row
   * that still holds the JSON bytes it came as (engine/raw-json.ts) goes out as those bytes, unserialized.
   */
  async emitRecords(stream: string, rows: readonly Row[], emittedAt: number): Promise<void> {
    if (this.sealed) return;
    let tail: Buffer | undefined;
    for (const row of rows) {
      const raw = rawJsonOf(row);
      if (raw === undefined) {
        this.queue(recordMessage(stream, row, emittedAt));
        continue;
      }
      // The shape of recordMessage() around the raw bytes: {type, record: {stream, data, emitted_at}}.
      tail ??= Buffer.from(`,"emitted_at":${emittedAt}}}\n`);
      const head = this.head(stream);
      this.pieces.push(head, raw, tail);
      this.size += head.length + raw.length + tail.length;
    }
    if (this.size >= FLUSH_BYTES) await this.flush();
  }

  /**
   * Queues a message; LOG and TRACE messages are written at once, with whatever was queued before them, so a
   * retry notice or an error is seen while the connector waits (for a Retry-After, say), not at the next
   * batch. Callable synchronously (retry logs); backpressure is left to the next flush.
   */
  queue(message: Message): void {
    if (this.sealed) return;
    const line = JSON.stringify(
      QUOTES_OUTSIDE.has(message.type) ? this.redactor.redactValue(message) : message,
    );
    this.pieces.push(line, '\n');
    this.size += line.length + 1;
    if (message.type === 'LOG' || message.type === 'TRACE') this.write();
  }

  async flush(): Promise<void> {
    this.write();
    if (this.stream.writableNeedDrain) await new Promise<void>((r) => this.stream.once('drain', r));
  }

  /** Writes what is queued, then takes nothing more: on termination, so the last line out is the TRACE. */
  seal(): void {
    this.write();
    this.sealed = true;
  }

  private write(): void {
    if (this.pieces.length === 0) return;
    const parts = encodeRuns(this.pieces).map((p) => this.redactor.redactBytes(escapeLineBreakerBytes(p)));
    this.pieces = [];
    this.size = 0;
    this.stream.cork();
    for (const part of parts) this.stream.write(part);
    this.stream.uncork();
  }

  private head(stream: string): Buffer {
    let head = this.heads.get(stream);
    if (head === undefined) {
      head = Buffer.from(`{"type":"RECORD","record":{"stream":${JSON.stringify(stream)},"data":`);
      this.heads.set(stream, head);
    }
    return head;
  }
}

/** The pieces as buffers: each run of strings encoded at once, buffers as they are. */
function encodeRuns(pieces: readonly (string | Buffer)[]): Buffer[] {
  const parts: Buffer[] = [];
  let text: string[] = [];
  for (const piece of pieces) {
    if (typeof piece === 'string') {
      text.push(piece);
      continue;
    }
    if (text.length > 0) parts.push(Buffer.from(text.join('')));
    text = [];
    parts.push(piece);
  }
  if (text.length > 0) parts.push(Buffer.from(text.join('')));
  return parts;
}
