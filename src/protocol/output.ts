// The only writer of stdout. Batches lines into large writes, waits for 'drain' (backpressure), and
// redacts every configured secret before anything leaves the process. Escaping and redaction run once per
// batch rather than once per line: a line is whole JSON, so nothing can straddle two lines of a batch.
import type { Writable } from 'node:stream';
import { escapeLineBreakers, type Message } from './messages.js';

const FLUSH_BYTES = 64 * 1024;

export class Redactor {
  private readonly secrets: string[] = [];

  add(secret: string | undefined): void {
    if (secret !== undefined && secret.length >= 4 && !this.secrets.includes(secret))
      this.secrets.push(secret);
  }

  redact(text: string): string {
    let out = text;
    for (const secret of this.secrets) if (out.includes(secret)) out = out.split(secret).join('**********');
    return out;
  }
}

export class Output {
  private buffer: string[] = [];
  private size = 0;

  constructor(
    private readonly stream: Writable,
    readonly redactor: Redactor,
  ) {}

  /** Queues a message and writes the batch once it is large enough. */
  async emit(message: Message): Promise<void> {
    this.queue(message);
    if (this.size >= FLUSH_BYTES) await this.flush();
  }

  /** Queues messages (a page of records) and writes once, if the batch is large enough. */
  async emitAll(messages: Iterable<Message>): Promise<void> {
    for (const message of messages) this.queue(message);
    if (this.size >= FLUSH_BYTES) await this.flush();
  }

  /** Queues a message without writing (for synchronous callers such as retry logs). */
  queue(message: Message): void {
    const line = JSON.stringify(message);
    this.buffer.push(line, '\n');
    this.size += line.length + 1;
  }

  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const chunk = this.redactor.redact(escapeLineBreakers(this.buffer.join('')));
    this.buffer = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await new Promise<void>((resolve) => this.stream.once('drain', resolve));
  }
}
