// Runs the connector under test as a child process, the way a platform does: files for config, catalog and
// state, stdout split with Python's splitlines (as CAT does), a time limit, and a cap on runs at once.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tracesOf, type AirbyteMessage, type Json } from './messages.js';
import { splitlines } from './splitlines.js';

export interface RunResult {
  args: string[];
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout as Python's splitlines() sees it. */
  lines: string[];
  /** Every line that parsed as a JSON object, in order. */
  messages: AirbyteMessage[];
  /** The raw line of each message (same index): number literals as written, for strict integer checks. */
  messageLines: string[];
  /** Lines that did not parse: CAT drops them silently, so their messages are lost. */
  unparsable: string[];
  timedOut: boolean;
  startedAt: number;
  endedAt: number;
}

export interface ConnectorOptions {
  /** The command and its leading arguments, e.g. ['node', 'dist/main.js']. */
  command: string[];
  cwd: string;
  env: Record<string, string>;
  timeoutMs: number;
  concurrency: number;
  /** The connector's clock minus the real one (clock.ts): run times are reported on the connector's clock. */
  clockOffsetMs?: number;
}

export function parseOutput(
  stdout: string,
): Pick<RunResult, 'lines' | 'messages' | 'messageLines' | 'unparsable'> {
  const lines = splitlines(stdout);
  const messages: AirbyteMessage[] = [];
  const messageLines: string[] = [];
  const unparsable: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') continue;
    try {
      const value: unknown = JSON.parse(line);
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        messages.push(value as AirbyteMessage);
        messageLines.push(line);
      } else unparsable.push(line);
    } catch {
      unparsable.push(line);
    }
  }
  return { lines, messages, messageLines, unparsable };
}

export class Connector {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly dir = mkdtempSync(join(tmpdir(), 'codex-acceptance-'));
  private files = 0;

  constructor(private readonly options: ConnectorOptions) {}

  /** Writes a JSON input file (catalog, state) and returns its path. */
  file(name: string, value: unknown): string {
    const path = join(this.dir, `${this.files++}-${name}.json`);
    writeFileSync(path, JSON.stringify(value));
    return path;
  }

  spec = (timeoutMs?: number) => this.run(['spec'], timeoutMs);
  check = (config: string, timeoutMs?: number) => this.run(['check', '--config', config], timeoutMs);
  discover = (config: string, timeoutMs?: number) => this.run(['discover', '--config', config], timeoutMs);

  read(config: string, catalog: Json, state?: unknown[], timeoutMs?: number): Promise<RunResult> {
    const args = ['read', '--config', config, '--catalog', this.file('catalog', catalog)];
    if (state !== undefined) args.push('--state', this.file('state', state));
    return this.run(args, timeoutMs);
  }

  async run(args: string[], timeoutMs = this.options.timeoutMs): Promise<RunResult> {
    await this.acquire();
    try {
      return await this.spawn(args, timeoutMs);
    } finally {
      this.release();
    }
  }

  close(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private spawn(args: string[], timeoutMs: number): Promise<RunResult> {
    const [command = 'node', ...leading] = this.options.command;
    const offset = this.options.clockOffsetMs ?? 0;
    const startedAt = Date.now() + offset;
    return new Promise((resolve) => {
      const child = spawn(command, [...leading, ...args], {
        cwd: this.options.cwd,
        env: { ...process.env, ...this.options.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, timeoutMs);
      child.stdout.on('data', (d: Buffer) => out.push(d));
      child.stderr.on('data', (d: Buffer) => err.push(d));
      const finish = (code: number | null, extraErr = '') => {
        clearTimeout(timer);
        const stdout = Buffer.concat(out).toString('utf8');
        const stderr = Buffer.concat(err).toString('utf8') + extraErr;
        resolve({
          args,
          code,
          stdout,
          stderr,
          ...parseOutput(stdout),
          timedOut,
          startedAt,
          endedAt: Date.now() + offset,
        });
      };
      child.on('error', (e) => finish(null, `\nspawn failed: ${e.message}`));
      child.on('close', (code) => finish(code));
    });
  }

  private async acquire(): Promise<void> {
    if (this.running < this.options.concurrency) {
      this.running += 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running -= 1;
  }
}

/** One line describing how a run ended, for FAIL messages. */
export function describeRun(run: RunResult): string {
  const how = run.timedOut ? 'timed out' : `exit ${String(run.code)}`;
  const tail = run.stderr.trim().split('\n').slice(-2).join(' | ');
  return `\`${run.args[0] ?? ''}\` ${how}${tail ? ` (stderr: ${tail.slice(0, 300)})` : ''}`;
}

/** Why a read did not succeed: a non-zero exit, and every TRACE ERROR. Empty when it did. */
export const readProblems = (run: RunResult): string[] => [
  ...(run.code === 0 ? [] : [describeRun(run)]),
  ...tracesOf(run.messages, 'ERROR').map((t) => `TRACE ERROR: ${t.error?.message ?? ''}`),
];
