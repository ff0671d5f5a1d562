// The Singer sync: the read loop both protocols share (run/read-loop.ts), with Singer's messages. Selected
// streams run one after another, each SCHEMA first, then its RECORDs, and a STATE (the bookmarks of every
// stream so far) at each engine checkpoint; streams that send identical requests share one read. A failing
// stream logs one ERROR line on stderr and the others still run; the caller exits non-zero.
import { asSourceError } from '../engine/errors.js';
import { isRecognizedState, type StreamState } from '../engine/state.js';
import type { SharedReads } from '../engine/sync-shared-windows.js';
import type { LogLevel, RecordItem, SyncEvent } from '../engine/types.js';
import type { Output } from '../output/output.js';
import { runStreams, type StreamSink } from '../run/read-loop.js';
import type { StreamDef } from '../stream-def.js';
import type { StderrLog } from './log.js';
import { schemaMessage, singerRecords, stateMessage } from './messages.js';
import type { SelectedStream } from './selection.js';

export interface SingerReadDeps {
  out: Output;
  log: StderrLog;
  now(): number;
  open(def: StreamDef, prior: StreamState | undefined): AsyncIterable<SyncEvent>;
  /** Reads shared by streams that send identical requests; without it every stream reads alone. */
  shared?: SharedReads<StreamDef>;
}

/** Singer taps conventionally emit one stream after another: one read at a time. */
const SINGER_CONCURRENCY = 1;

/** Syncs the streams; `bookmarks` starts as the --state bookmarks and ends as the last STATE's. Returns the failed streams. */
export async function runSingerRead(
  streams: readonly SelectedStream[],
  bookmarks: Record<string, unknown>,
  deps: SingerReadDeps,
): Promise<string[]> {
  try {
    return await runStreams(
      streams.map((stream) => ({
        def: stream.def,
        saved: stream.incremental ? bookmarks[stream.def.name] : undefined,
        sink: new SingerStream(stream, bookmarks, deps),
      })),
      { open: deps.open, shared: deps.shared, concurrency: SINGER_CONCURRENCY },
    );
  } finally {
    await deps.out.flush();
  }
}

/** One stream's run as Singer messages on stdout and log lines on stderr. */
class SingerStream implements StreamSink {
  private count = 0;
  private readonly name: string;

  constructor(
    private readonly stream: SelectedStream,
    private readonly bookmarks: Record<string, unknown>,
    private readonly deps: SingerReadDeps,
  ) {
    this.name = stream.def.name;
  }

  async start(saved: unknown, shared: boolean): Promise<StreamState | undefined> {
    const { def, incremental, excluded } = this.stream;
    const how = `${incremental ? 'INCREMENTAL' : 'FULL_TABLE'}${shared ? ', one shared read' : ''}`;
    this.deps.log.write('INFO', `${this.name}: sync started (${how}).`);
    await this.deps.out.emit(schemaMessage(def, excluded));
    if (saved === undefined || isRecognizedState(saved)) return saved;
    this.deps.log.write(
      'WARN',
      `${this.name}: the saved bookmark has a shape this tap does not recognise; re-reading from start_date (re-reading beats losing data).`,
    );
    return undefined;
  }

  async records(items: RecordItem[]): Promise<void> {
    const extracted = new Date(this.deps.now()).toISOString();
    await this.deps.out.emitRecords(items, singerRecords(this.name, extracted, this.stream.excluded));
    this.count += items.length;
  }

  async state(state: StreamState): Promise<void> {
    this.bookmarks[this.name] = state;
    await this.deps.out.emit(stateMessage(this.bookmarks));
    await this.deps.out.flush();
  }

  async log(level: LogLevel, message: string): Promise<void> {
    this.deps.log.write(level, message);
  }

  async fail(error: unknown): Promise<void> {
    const e = asSourceError(error);
    await this.deps.out.flush();
    this.deps.log.write('ERROR', `${this.name}: ${e.message} [${e.code}]`);
  }

  async complete(): Promise<void> {
    await this.deps.out.flush();
    this.deps.log.write('INFO', `${this.name}: sync finished, ${this.count} record(s).`);
  }
}
