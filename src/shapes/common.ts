// Shaping helpers shared by the families' row shapers.
import { SourceError } from '../engine/errors.js';
import type { Row } from '../engine/types.js';

export function asObject(value: unknown): Row | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Row) : undefined;
}

export function requireNumber(row: Row, field: string, stream: string): number {
  const value = row[field];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new SourceError(
      `${stream}: a row from the API has no numeric \`${field}\`; cannot place it in time.`,
      {
        code: 'MALFORMED_ROW',
        failureType: 'system_error',
      },
    );
  }
  return value;
}

export function requireString(row: Row, field: string, stream: string): string {
  const value = row[field];
  if (typeof value !== 'string' || value === '') {
    throw new SourceError(`${stream}: a row from the API has no \`${field}\`, which is its key.`, {
      code: 'MALFORMED_ROW',
      failureType: 'system_error',
    });
  }
  return value;
}

export function keyPart(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

export function arrayOf(value: unknown): Row[] {
  return Array.isArray(value) ? value.filter((v): v is Row => asObject(v) !== undefined) : [];
}
