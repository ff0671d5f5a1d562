// The only writer of stdout, for the Airbyte source and the Singer tap alike. Batches lines into large writes,
// waits for 'drain' (backpressure), and redacts every configured secret, and every piece of one in the
// messages that quote text from outside (redactor.ts), before anything leaves the process.
// A batch is written as its pieces in one corked write (writev): a log event's own bytes go out as they came
// in, never copied into a batch buffer.
// Escaping and redaction search each piece's bytes; a piece is whole JSON text or a whole JSON value, so
// neither a separator nor a secret can straddle two pieces.
import type { Writable } from 'node:stream';
import type { RecordItem, Row } from '../engine/types.js';
import { escapeLineBreakerBytes, type Line } from './lines.js';
import type { Redactor } from './redactor.js';

export { Redactor } from './redactor.js';

const FLUSH_BYTES = 64 * 1024;

/** Which message types a protocol's writer treats specially. */
export interface LinePolicy {
  /**
   * Messages that quote text from outside (error bodies, API messages): every piece of a secret goes. The
   * others keep their text, so a secret made of words cannot mask a stream name in a CATALOG or a field in a
   * STATE; records are the API's data, passed whole. Every message still loses any whole secret.
   */
  quotesOutside: ReadonlySet<string>;
  /** Messages written at once, with whatever was queued before them (a retry notice, an error). */
  immediate: ReadonlySet<string>;
}

/** How a protocol frames one record: the whole message for a row, and the bytes around a row's own JSON
 * when the record may go out as the bytes it arrived in (absent when this protocol's record cannot). */
export interface RecordFrame {
  message(row: Row): Line;
  around?: { head: Buffer; tail: Buffer };
}

export class Output {
  private pieces: (string | Buffer)[] = [];
  private size = 0;
  private sealed = false;

  constructor(
    private readonly stream: Writable,
    readonly redactor: Redactor,
    private readonly policy: LinePolicy,
  ) {}

  /** Queues a message and writes the batch once it is large enough. */
  async emit(message: Line): Promise<void> {
    this.queue(message);
    if (this.size >= FLUSH_BYTES) await this.flush();
  }

  /**
   * Queues the record messages of a batch and writes once, if the batch is large enough. A record that carries
   * the JSON bytes it came as (`raw`) goes out as those bytes inside the frame, unserialized, where the frame
   * allows it.
   */
  async emitRecords(items: readonly RecordItem[], frame: RecordFrame): Promise<void> {
    if (this.sealed) return;
    const around = frame.around;
    for (const { row, raw } of items) {
      if (raw === undefined || around === undefined) {
        this.queue(frame.message(row));
        continue;
      }
      this.pieces.push(around.head, raw, around.tail);
      this.size += around.head.length + raw.length + around.tail.length;
    }
    if (this.size >= FLUSH_BYTES) await this.flush();
  }

  /**
   * Queues a message; the policy's immediate ones are written at once, with whatever was queued before them,
   * so a retry notice or an error is seen while the connector waits (for a Retry-After, say), not at the next
   * batch. Callable synchronously (retry logs); backpressure is left to the next flush.
   */
  queue(message: Line): void {
    if (this.sealed) return;
    const line = JSON.stringify(
      this.policy.quotesOutside.has(message.type) ? this.redactor.redactValue(message) : message,
    );
    this.pieces.push(line, '\n');
    this.size += line.length + 1;
    if (this.policy.immediate.has(message.type)) this.write();
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
