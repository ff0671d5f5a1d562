// Validates messages against the Airbyte protocol's own schema (test/fixtures/airbyte_protocol.yaml, a copy of
// the team's reference), and runs the built connector as a child process the way a platform does.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';

const protocol = parse(
  readFileSync(new URL('../fixtures/airbyte_protocol.yaml', import.meta.url), 'utf8'),
) as Record<string, unknown>;

let validator: ValidateFunction | undefined;

export function validateMessage(message: unknown): string[] {
  if (validator === undefined) {
    const ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addSchema({ ...protocol, $id: 'airbyte_protocol' });
    validator = ajv.compile({ $ref: 'airbyte_protocol#/definitions/AirbyteMessage' });
  }
  return validator(message)
    ? []
    : (validator.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

export const MAIN = new URL('../../dist/main.js', import.meta.url).pathname;

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  lines: string[];
  messages: Record<string, unknown>[];
}

/** Runs `node dist/main.js …args`; every stdout line must be JSON (the test fails otherwise). */
export function runConnector(args: string[], env: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const lines = stdout.split('\n').filter((l) => l !== '');
      const messages = lines.map((l) => {
        try {
          return JSON.parse(l) as Record<string, unknown>;
        } catch {
          throw new Error(`stdout line is not a JSON protocol message: ${l.slice(0, 200)}`);
        }
      });
      resolve({ code, stdout, stderr, lines, messages });
    });
  });
}

export const ofType = (messages: Record<string, unknown>[], type: string) =>
  messages.filter((m) => m.type === type);
