// Secrets never reach an output, not even in part. A server may echo a key (or part of one) in an error body, a
// message, a header quoted in an error; whatever text comes from outside passes here before it is written. The
// redactor masks every run of text made of pieces of 8 or more characters of any configured secret (keys,
// hash_salt), so an echo of 16 characters from the middle of a key is masked as surely as the whole key.
// A key's public prefix (`sk-`, `sk-admin-`, …: the fixed words the vendor prints in its docs) is not secret, so
// a piece wholly inside it is kept (otherwise `compliance_api_key` would be masked for a key
// `sk-codex-compliance-…`). The list is fixed rather than a pattern: a random part may itself start with
// lower-case letters and a dash, and that must not pass for public.
export const MASK = '**********';
/** The shortest piece of a secret that is masked on its own. */
export const PIECE = 8;

const PUBLIC_PREFIX = /^sk-(?:admin-|proj-|svcacct-|codex-analytics-|codex-compliance-)?/;

export class Redactor {
  private readonly secrets: string[] = [];
  private readonly encoded: Buffer[] = [];
  private readonly pieces = new Set<string>();

  add(secret: string | undefined): void {
    if (secret === undefined || secret.length < 4 || this.secrets.includes(secret)) return;
    this.secrets.push(secret);
    this.encoded.push(Buffer.from(secret));
    // JSON-escaped too, for a key with a quote or backslash echoed inside JSON text.
    for (const form of new Set([secret, JSON.stringify(secret).slice(1, -1)])) {
      const prefix = PUBLIC_PREFIX.exec(form)?.[0].length ?? 0;
      for (let at = Math.max(0, prefix - PIECE + 1); at + PIECE <= form.length; at++) {
        this.pieces.add(form.slice(at, at + PIECE));
      }
    }
  }

  /** The text with every whole secret, and every run of secret pieces of PIECE or more characters, masked. */
  redact(text: string): string {
    let out = text;
    for (const secret of this.secrets) if (out.includes(secret)) out = out.split(secret).join(MASK);
    return this.pieces.size === 0 || out.length < PIECE ? out : this.maskPieces(out);
  }

  /** Every string in a JSON-like value redacted (keys too); the value itself is not changed. */
  redactValue<T>(value: T): T {
    if (typeof value === 'string') return this.redact(value) as T;
    if (Array.isArray(value)) return value.map((v: unknown) => this.redactValue(v)) as T;
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [this.redact(k), this.redactValue(v)]),
    ) as T;
  }

  /**
   * Whole secrets only, for bulk record bytes: records are the API's data, passed on whole, and searching
   * every batch for every piece would cost more than the rest of the sync.
   */
  redactBytes(bytes: Buffer): Buffer {
    const found = this.encoded.some((secret) => bytes.indexOf(secret) !== -1);
    return found ? Buffer.from(this.redact(bytes.toString('utf8'))) : bytes;
  }

  /** Masks each maximal run covered by PIECE-character windows that are pieces of a secret. */
  private maskPieces(text: string): string {
    let out = '';
    let kept = 0; // text before this index is already in `out`
    let runStart = -1;
    let runEnd = -1;
    for (let at = 0; at + PIECE <= text.length; at++) {
      if (!this.pieces.has(text.slice(at, at + PIECE))) continue;
      if (at > runEnd) {
        if (runStart >= 0) out += text.slice(kept, runStart) + MASK;
        if (runStart >= 0) kept = runEnd;
        runStart = at;
      }
      runEnd = at + PIECE;
    }
    if (runStart < 0) return text;
    return out + text.slice(kept, runStart) + MASK + text.slice(runEnd);
  }
}
