// Where a baseline's lines go: /dev/null, in batches of about 64 KiB (as the connector batches stdout).
import { closeSync, openSync, writeSync } from 'node:fs';

const FLUSH_BYTES = 64 * 1024;

export class NullSink {
  private readonly fd = openSync('/dev/null', 'w');
  private pending: string[] = [];
  private size = 0;
  bytes = 0;

  line(text: string): void {
    this.pending.push(text, '\n');
    this.size += text.length + 1;
    if (this.size >= FLUSH_BYTES) this.flush();
  }

  raw(chunk: Buffer): void {
    this.flush();
    this.bytes += chunk.length;
    writeSync(this.fd, chunk);
  }

  flush(): void {
    if (this.pending.length === 0) return;
    const text = this.pending.join('');
    this.bytes += Buffer.byteLength(text);
    writeSync(this.fd, text);
    this.pending = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
