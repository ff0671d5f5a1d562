// Starts the simulator child process and talks to it over stdin/stdout (one JSON object per line).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { SimulatorOptions } from '../src/simulator/index.js';
import type { SimInfo, SimRequestRecord } from './sim-types.js';

const CHILD = fileURLToPath(new URL('./sim-child.js', import.meta.url));

interface Reply {
  id?: number;
  result?: unknown;
  error?: string;
  ready?: SimInfo;
}

function settle(waiting: Map<number, (reply: Reply) => void>, reply: Reply): void {
  const done = waiting.get(reply.id ?? -1);
  waiting.delete(reply.id ?? -1);
  done?.(reply);
}

export class SimProcess {
  private nextId = 1;

  private constructor(
    private readonly child: ChildProcess,
    private readonly waiting: Map<number, (reply: Reply) => void>,
    readonly info: SimInfo,
  ) {}

  static async start(options: SimulatorOptions): Promise<SimProcess> {
    const child = spawn(process.execPath, [CHILD, JSON.stringify(options)], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const lines = createInterface({ input: child.stdout! });
    const waiting = new Map<number, (reply: Reply) => void>();
    const ready = new Promise<SimInfo>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`simulator exited early (code ${code})`)));
      lines.on('line', (line) => {
        const reply = JSON.parse(line) as Reply;
        if (reply.ready) resolve(reply.ready);
        else if (reply.id !== undefined) settle(waiting, reply);
      });
    });
    return new SimProcess(child, waiting, await ready);
  }

  private async call<T>(op: string): Promise<T> {
    const id = this.nextId++;
    const reply = new Promise<Reply>((resolve) => this.waiting.set(id, resolve));
    this.child.stdin!.write(`${JSON.stringify({ id, op })}\n`);
    const { result, error } = await reply;
    if (error !== undefined) throw new Error(`simulator: ${error}`);
    return result as T;
  }

  requests(): Promise<SimRequestRecord[]> {
    return this.call('requests');
  }

  async reset(): Promise<void> {
    await this.call('reset');
  }

  /** User + system CPU seconds the simulator has used so far. */
  cpuSeconds(): Promise<number> {
    return this.call('cpu');
  }

  async close(): Promise<void> {
    const exited = once(this.child, 'exit');
    await this.call('close').catch(() => this.child.kill('SIGTERM'));
    await exited;
  }
}
