// Singer taps log to stderr, never stdout. One line per message, secrets redacted, so an error is one clear line
// (an API's multi-line error body included) and a log reader never sees a key.
import type { Writable } from 'node:stream';
import type { Redactor } from '../output/output.js';

const BREAKS = /\s*[\r\n\v\f\u0085\u2028\u2029]+\s*/g;

export class StderrLog {
  constructor(
    private readonly stream: Writable,
    private readonly redactor: Redactor,
  ) {}

  write(level: string, message: string): void {
    this.stream.write(`${level} ${this.redactor.redact(message).replace(BREAKS, ' ').trim()}\n`);
  }
}
