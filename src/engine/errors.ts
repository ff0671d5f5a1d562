// One error class for everything a sync can fail on. `code` is stable (undici style) so tests and users can
// match on it; `failureType` is the Airbyte classification the protocol layer reports.
export type FailureType = 'config_error' | 'system_error' | 'transient_error';

export interface SourceErrorOptions {
  code: string;
  failureType: FailureType;
  status?: number;
  /** Set when the server told us how long to wait (Retry-After). */
  retryAfterMs?: number;
  /** Overrides the policy table: network errors are retryable though they have no status. */
  retryable?: boolean;
  cause?: unknown;
}

export class SourceError extends Error {
  readonly code: string;
  readonly failureType: FailureType;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;
  readonly retryable: boolean | undefined;

  constructor(message: string, options: SourceErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SourceError';
    this.code = options.code;
    this.failureType = options.failureType;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
    this.retryable = options.retryable;
  }
}

export function configError(code: string, message: string): SourceError {
  return new SourceError(message, { code, failureType: 'config_error' });
}

export function systemError(code: string, message: string): SourceError {
  return new SourceError(message, { code, failureType: 'system_error' });
}

/** Anything thrown that is not ours becomes a system_error carrying its message. */
export function asSourceError(error: unknown): SourceError {
  if (error instanceof SourceError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new SourceError(`Unexpected error: ${message}`, { code: 'UNEXPECTED', failureType: 'system_error' });
}
