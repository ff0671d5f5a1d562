// One stream's run as Airbyte messages (the read loop's StreamSink): STARTED → RUNNING → COMPLETE, or
// INCOMPLETE with a TRACE ERROR. State counts the records emitted since the previous state.
import { asSourceError } from '../engine/errors.js';
import { isRecognizedState, type StreamState } from '../engine/state.js';
import type { LogLevel, RecordItem } from '../engine/types.js';
import type { Output } from '../output/output.js';
import type { StreamSink } from '../run/read-loop.js';
import { airbyteRecords, errorTrace, logMessage, stateMessage, statusMessage } from './messages.js';

/** What a long read has done so far, for its progress lines (read.ts). */
export interface Progress {
  total: number;
  done: number;
  records: number;
  reading: Set<string>;
}

export class StreamRun implements StreamSink {
  private count = 0;

  constructor(
    readonly name: string,
    private readonly out: Output,
    private readonly now: () => number,
    private readonly progress?: Progress,
  ) {}

  /** STARTED, a WARN for a state of unknown shape, RUNNING; returns the state to resume from. */
  async start(saved: unknown): Promise<StreamState | undefined> {
    await this.out.emit(statusMessage(this.name, 'STARTED', this.now()));
    this.progress?.reading.add(this.name);
    let prior: StreamState | undefined;
    if (saved !== undefined && !isRecognizedState(saved)) {
      await this.out.emit(
        logMessage(
          'WARN',
          `${this.name}: the saved state has a shape this connector does not recognise; re-reading from start_date (re-reading beats losing data).`,
        ),
      );
    } else {
      prior = saved;
    }
    await this.out.emit(statusMessage(this.name, 'RUNNING', this.now()));
    return prior;
  }

  async records(items: RecordItem[]): Promise<void> {
    await this.out.emitRecords(items, airbyteRecords(this.name, this.now()));
    this.count += items.length;
    if (this.progress) this.progress.records += items.length;
  }

  async state(state: StreamState): Promise<void> {
    await this.out.emit(stateMessage(this.name, state, this.count));
    this.count = 0;
    await this.out.flush();
  }

  async log(level: LogLevel, message: string): Promise<void> {
    await this.out.emit(logMessage(level, message));
  }

  async fail(error: unknown): Promise<void> {
    const e = asSourceError(error);
    const now = this.now();
    await this.out.emit(errorTrace(`${this.name}: ${e.message}`, e.failureType, now, this.name, e.code));
    await this.out.emit(statusMessage(this.name, 'INCOMPLETE', this.now()));
    await this.out.flush();
    this.finished();
  }

  async complete(): Promise<void> {
    await this.out.emit(statusMessage(this.name, 'COMPLETE', this.now()));
    await this.out.flush();
    this.finished();
  }

  private finished(): void {
    if (this.progress === undefined) return;
    this.progress.reading.delete(this.name);
    this.progress.done += 1;
  }
}
