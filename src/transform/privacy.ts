// email_handling and content_handling, applied in one place to every record of every stream, at any depth.
// hash = hex SHA-256 of salt + lower-cased trimmed value: stable across syncs, so hashed columns still join.
import { createHash } from 'node:crypto';

export type Handling = 'keep' | 'hash' | 'drop';

export const CONTENT_FIELDS: ReadonlySet<string> = new Set([
  'prompt_text',
  'response_text',
  'tool_input',
  'tool_output',
]);

export function isEmailField(name: string): boolean {
  return name === 'email' || name.endsWith('_email');
}

export function hashValue(salt: string, value: string): string {
  return createHash('sha256')
    .update(salt + value.trim().toLowerCase())
    .digest('hex');
}

export interface PrivacyOptions {
  email: Handling;
  content: Handling;
  salt: string;
}

/** Returns a function that rewrites a record in place; identity when both handlings are `keep`. */
export function privacyTransform(
  options: PrivacyOptions,
): (record: Record<string, unknown>) => Record<string, unknown> {
  if (options.email === 'keep' && options.content === 'keep') return (record) => record;
  const handle = (value: unknown, how: Handling): unknown => {
    if (how === 'keep' || value === null || value === undefined) return value;
    if (how === 'drop') return null;
    return hashValue(options.salt, typeof value === 'string' ? value : JSON.stringify(value));
  };
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const obj = node as Record<string, unknown>;
    for (const [key, value] of Object.entries(obj)) {
      if (isEmailField(key)) obj[key] = handle(value, options.email);
      else if (CONTENT_FIELDS.has(key)) obj[key] = handle(value, options.content);
      else if (typeof value === 'object' && value !== null) walk(value);
    }
  };
  return (record) => {
    walk(record);
    return record;
  };
}
