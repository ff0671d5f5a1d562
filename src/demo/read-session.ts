// One `read` of the connector into the sink: records land, the last STATE per stream is kept, WARN/ERROR
// logs are shown briefly, TRACE errors collected, and each stream's completion reported as it happens.
import { runConnector, traceErrorText, type ProtocolMessage } from './connector.js';
import type { DuckDbSink } from './duckdb-sink.js';
import { streamName } from './files.js';

const MAX_LOG_LINES = 10;
const MAX_LOG_CHARS = 200;

export interface ReadOutcome {
  code: number;
  /** Last STATE message (its `state` object) per stream seen in this run. */
  states: Map<string, unknown>;
  errors: string[];
  completed: Set<string>;
}

interface RecordBody {
  stream?: unknown;
  data?: unknown;
  emitted_at?: unknown;
}

interface Trace {
  type?: unknown;
  stream_status?: { status?: unknown; stream_descriptor?: { name?: unknown } };
}

function brief(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > MAX_LOG_CHARS ? `${line.slice(0, MAX_LOG_CHARS - 1)}…` : line;
}

export class ReadSession {
  readonly outcome: ReadOutcome = { code: 0, states: new Map(), errors: [], completed: new Set() };
  private logLines = 0;

  constructor(
    private readonly sink: DuckDbSink,
    private readonly print: (line: string) => void,
  ) {}

  async run(args: string[]): Promise<ReadOutcome> {
    this.outcome.code = await runConnector(
      args,
      (m) => this.handle(m),
      (line) => this.log('OUTPUT', line),
    );
    if (this.logLines > MAX_LOG_LINES)
      this.print(`  (${this.logLines - MAX_LOG_LINES} more warnings not shown)`);
    return this.outcome;
  }

  private async handle(message: ProtocolMessage): Promise<void> {
    if (message.type === 'RECORD') await this.record(message.record as RecordBody);
    else if (message.type === 'STATE') this.state(message.state);
    else if (message.type === 'TRACE') this.trace(message);
    else if (message.type === 'LOG') {
      const log = message.log as { level?: unknown; message?: unknown };
      if (log.level === 'WARN' || log.level === 'ERROR' || log.level === 'FATAL')
        this.log(String(log.level), String(log.message));
    }
  }

  private async record(record: RecordBody): Promise<void> {
    if (typeof record.stream !== 'string' || typeof record.data !== 'object' || record.data === null) return;
    const emittedAt = typeof record.emitted_at === 'number' ? record.emitted_at : Date.now();
    await this.sink.add(record.stream, record.data as Record<string, unknown>, emittedAt);
  }

  private state(state: unknown): void {
    const name = streamName(state);
    if (name !== undefined) this.outcome.states.set(name, state);
  }

  private trace(message: ProtocolMessage): void {
    const error = traceErrorText(message);
    if (error !== undefined) {
      this.outcome.errors.push(error);
      return;
    }
    const trace = message.trace as Trace;
    const status = trace.stream_status?.status;
    const name = trace.stream_status?.stream_descriptor?.name;
    if (trace.type !== 'STREAM_STATUS' || typeof name !== 'string') return;
    if (status === 'COMPLETE') this.outcome.completed.add(name);
    if (status === 'COMPLETE' || status === 'INCOMPLETE') {
      const count = this.sink.stats(name).received.toLocaleString('en-US');
      this.print(`  ${status === 'COMPLETE' ? 'done' : 'INCOMPLETE'}: ${name} (${count} records)`);
    }
  }

  private log(level: string, text: string): void {
    this.logLines += 1;
    if (this.logLines <= MAX_LOG_LINES) this.print(`  [${level}] ${brief(text)}`);
  }
}
