// Reading config, catalog and state files: every failure says which file, what is wrong and what to do,
// and never quotes file content (V8's JSON errors quote the input, which may hold a key).
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { configError } from '../engine/errors.js';
import { configSchema, type Config } from './schema.js';

export async function readJsonFile(path: string, what: string): Promise<unknown> {
  return parseJsonText(await readTextFile(path, what), `${what} file ${path}`);
}

export async function readTextFile(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw configError('FILE_UNREADABLE', `Cannot read the ${what} file ${path} (${code}): check the path.`);
  }
}

export function parseJsonText(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec(String(error))?.[1];
    const where = position === undefined ? '' : ` (near character ${position})`;
    throw configError('INVALID_JSON', `The ${what} is not valid JSON${where}: fix its syntax.`);
  }
}

export function formatIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const path = issue.path
        .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
        .join('')
        .slice(1);
      return path === '' ? issue.message : `\`${path.replace(/^\[/, '[')}\` ${issue.message}`;
    })
    .join('; ');
}

export function parseConfig(raw: unknown): Config {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw configError('CONFIG_INVALID', 'Invalid config: it must be a JSON object of settings (see `spec`).');
  }
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    throw configError('CONFIG_INVALID', `Invalid config: ${formatIssues(result.error.issues)}.`);
  }
  return result.data;
}

export async function loadConfig(path: string): Promise<Config> {
  return parseConfig(await readJsonFile(path, 'config'));
}
