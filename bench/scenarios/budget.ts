// The client-side budget binding: usage paged in small pages, more requests than max_requests_per_minute
// allows in a minute, against a simulator that answers 429 past the same limit. The connector must wait
// rather than provoke 429s, and finish. Takes over a minute by design; full scale only.
import { firstDay, simConfig } from '../context.js';
import { busiestWindow, perStream } from '../requests.js';
import { mustSucceed, type ScenarioResult, type Target } from '../result.js';
import { connectorRead, errorsOf, type Bench } from '../runs.js';
import type { Scale } from '../scale.js';
import { SimProcess } from '../sim-process.js';

export async function budgetScenario(bench: Bench, scale: Scale): Promise<ScenarioResult | null> {
  if (scale.budget === null) return null;
  const { maxPerMinute } = scale.budget;
  const sim = await SimProcess.start({
    seed: 9,
    workspaces: 1,
    users: 40,
    days: 30,
    rateLimitPerMinute: maxPerMinute,
  });
  try {
    const { info } = sim;
    // About two budgets' worth of pages: the ~760 usage rows of 40 users over 30 days (not every user works
    // every day), 20 rows a page, against 20 requests a minute.
    const config = simConfig(info, 'analytics', {
      start_date: firstDay(30),
      page_size: 20,
      max_requests_per_minute: maxPerMinute,
    });
    const run = await connectorRead(bench, sim, config, ['usage']);
    mustSucceed('usage under a binding budget', errorsOf(run));
    const window = busiestWindow(run.requestLog);
    const requests = run.requestLog.length;
    const targets: Target[] = [
      {
        id: 'budget:binding',
        description: `with max_requests_per_minute ${maxPerMinute} and ${requests} requests to make: never above it, no 429`,
        pass: requests > maxPerMinute && window.max <= maxPerMinute && window.tooMany === 0,
        measured: {
          requests,
          busiest_minute: window.max,
          too_many: window.tooMany,
          wall_s: run.metrics.wallS,
        },
        threshold: `≤ ${maxPerMinute} a minute, 0 × 429`,
      },
    ];
    return {
      name: 'budget',
      section: { max_per_minute: maxPerMinute, metrics: run.metrics, per_stream: perStream(run) },
      targets,
    };
  } finally {
    await sim.close();
  }
}
