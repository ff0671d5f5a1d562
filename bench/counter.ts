// Counts the connector's stdout without keeping it: records and bytes, cheaply (a RECORD line is recognised by
// its first 16 bytes and skipped to its newline). Every other message (STATE, TRACE, LOG) is parsed and kept;
// they are few. With `inspect`, each record line is also handed over as text (small runs only).

export type Message = Record<string, unknown> & { type: string };

const RECORD_PREFIX = Buffer.from('{"type":"RECORD"');
const NEWLINE = 10;

export class ProtocolCounter {
  records = 0;
  recordBytes = 0;
  bytes = 0;
  readonly messages: Message[] = [];
  /** For each kept message, how many records came before it (where a STATE sits among the records). */
  readonly messageAt: number[] = [];
  private parts: Buffer[] = [];
  private length = 0;
  private mode: 'undecided' | 'record' | 'other' = 'undecided';

  constructor(private readonly inspect?: (recordLine: string) => void) {}

  readonly write = (chunk: Buffer): void => {
    this.bytes += chunk.length;
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(NEWLINE, start);
      this.take(chunk.subarray(start, nl === -1 ? chunk.length : nl));
      if (nl === -1) return;
      this.endLine();
      start = nl + 1;
    }
  };

  /** Call once the stream has ended: a last line without a newline still counts. */
  end(): void {
    if (this.length > 0) this.endLine();
  }

  private take(segment: Buffer): void {
    if (segment.length === 0) return;
    this.length += segment.length;
    if (this.mode === 'record' && this.inspect === undefined) return;
    this.parts.push(segment);
    if (this.mode === 'undecided' && this.length >= RECORD_PREFIX.length) {
      const head = this.parts.length === 1 ? segment : Buffer.concat(this.parts);
      this.mode = head.subarray(0, RECORD_PREFIX.length).equals(RECORD_PREFIX) ? 'record' : 'other';
      if (this.mode === 'record' && this.inspect === undefined) this.parts = [];
    }
  }

  private endLine(): void {
    if (this.mode === 'record') {
      this.records += 1;
      this.recordBytes += this.length + 1;
      if (this.inspect) this.inspect(Buffer.concat(this.parts).toString('utf8'));
    } else if (this.length > 0) {
      const text = Buffer.concat(this.parts).toString('utf8');
      this.messageAt.push(this.records);
      try {
        this.messages.push(JSON.parse(text) as Message);
      } catch {
        this.messages.push({ type: 'NOT_JSON', text: text.slice(0, 500) });
      }
    }
    this.parts = [];
    this.length = 0;
    this.mode = 'undecided';
  }
}
