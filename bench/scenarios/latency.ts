// A Compliance backfill with 100 ms added to every request. The connector overlaps downloads (a few files
// ahead per partition, partitions side by side) yet must emit each partition's files in listing order,
// checkpoint only at file boundaries it has finished, and stay under max_requests_per_minute. Compared with
// the baseline downloading strictly one file after another: the floor of any sequential reader.
import type { Message } from '../counter.js';
import { alternate } from '../compare.js';
import { logsBaseline, simConfig } from '../context.js';
import { busiestWindow } from '../requests.js';
import { mustSucceed, type ScenarioResult, type Target } from '../result.js';
import { baselineRun, connectorRead, errorsOf, type Bench, type ConnectorRun } from '../runs.js';
import type { Scale } from '../scale.js';
import { SimProcess } from '../sim-process.js';

const BUDGET = 90;

interface Emitted {
  partition: string;
  endTime: string;
}

interface Checkpoint {
  /** Records emitted before this state. */
  at: number;
  cursors: Map<string, string>;
}

function checkpoints(run: ConnectorRun): Checkpoint[] {
  return run.messages.flatMap((m: Message, i) => {
    if (m.type !== 'STATE') return [];
    const states = (m.state as { stream?: { stream_state?: { states?: unknown[] } } }).stream?.stream_state
      ?.states;
    const cursors = new Map<string, string>();
    for (const s of (states ?? []) as {
      partition: Record<string, string>;
      cursor: Record<string, string>;
    }[]) {
      const end = s.cursor.log_file_end_time;
      if (end !== undefined) cursors.set(`${s.partition.workspace_id}|${s.partition.event_type}`, end);
    }
    return [{ at: run.messageAt[i] ?? 0, cursors }];
  });
}

/** Problems with order and checkpoints; empty when every state is a safe resume point. */
export function orderProblems(records: Emitted[], states: Checkpoint[]): string[] {
  const problems: string[] = [];
  const last = new Map<string, string>();
  records.forEach((r, i) => {
    const before = last.get(r.partition);
    if (before !== undefined && r.endTime < before)
      problems.push(`record ${i} of ${r.partition} goes back to ${r.endTime}`);
    last.set(r.partition, r.endTime);
  });
  for (const state of states) {
    const late = records.slice(state.at).find((r) => {
      const cursor = state.cursors.get(r.partition);
      return cursor !== undefined && r.endTime <= cursor;
    });
    if (late)
      problems.push(`a state after ${state.at} records claims ${late.partition} up to a file emitted later`);
  }
  const final = states.at(-1);
  for (const [partition, end] of last) {
    if (final?.cursors.get(partition) !== end)
      problems.push(`the final state of ${partition} is not its last file`);
  }
  return problems;
}

export async function latencyScenario(bench: Bench, scale: Scale): Promise<ScenarioResult> {
  const { latencyMs, logFilesPerDay, eventsPerFile, eventTypes } = scale.latency;
  // The simulator's limit is lifted: the sequential baseline runs in the same minute as the connector and
  // would draw 429s. The connector's own requests show whether it kept to its budget (busiestWindow); the
  // budget scenario runs against the real limit.
  const sim = await SimProcess.start({
    seed: 5,
    workspaces: 2,
    latencyMs,
    logFilesPerDay,
    eventsPerFile,
    rateLimitPerMinute: 1_000_000,
  });
  try {
    const { info } = sim;
    const config = simConfig(info, 'compliance', {
      compliance_event_types: eventTypes,
      max_requests_per_minute: BUDGET,
    });
    const spec = logsBaseline(info, eventTypes, 1);
    let records: Emitted[] = [];
    const problems: string[] = [];
    const { compared, last } = await alternate(
      scale.runs,
      async () => {
        records = [];
        const inspect = (line: string) => {
          const data = (JSON.parse(line) as { record: { data: Record<string, string> } }).record.data;
          records.push({
            partition: `${data.workspace_id}|${data.type}`,
            endTime: data.log_file_end_time ?? '',
          });
        };
        return connectorRead(bench, sim, config, ['compliance_logs'], { inspect });
      },
      () => baselineRun(bench, sim, spec),
      (run) => {
        mustSucceed('compliance backfill under latency', errorsOf(run));
        problems.push(...orderProblems(records, checkpoints(run)));
      },
    );
    const window = busiestWindow(last.connector.requestLog);
    const speedup = compared.ratio.throughput;
    const targets: Target[] = [
      {
        id: 'latency:overlap',
        description: `compliance backfill at ${latencyMs} ms a request: ≥ 3× faster than strictly sequential downloads`,
        pass: speedup >= 3,
        measured: speedup,
        threshold: '≥ 3',
      },
      {
        id: 'latency:budget',
        description: `never more than max_requests_per_minute (${BUDGET}) on one workspace and route in any 60 s, no 429`,
        pass: window.max <= BUDGET && window.tooMany === 0,
        measured: window,
        threshold: `≤ ${BUDGET}, 0 × 429`,
      },
      {
        id: 'latency:order',
        description: 'files emitted in listing order per partition; every STATE a safe resume point',
        pass: problems.length === 0,
        measured: problems.length === 0 ? 'in order, every checkpoint safe' : problems.slice(0, 5),
        threshold: 'no problem',
      },
    ];
    const section = {
      data: {
        latency_ms: latencyMs,
        workspaces: 2,
        event_types: eventTypes,
        files: last.baseline.report.files,
      },
      sequential_baseline_vs_connector: compared,
    };
    return { name: 'latency', section, targets };
  } finally {
    await sim.close();
  }
}
