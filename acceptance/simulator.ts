// The API simulator the acceptance run reads from, started in this process with a fixed seed and small
// sizes, and the connector config that points at it (handed to the connector in a temporary file).
import { startSimulator, type Simulator, type SimulatorOptions } from '../src/simulator/index.js';
import type { Json } from './messages.js';

/**
 * Seed 42 and two workspaces are the simulator's defaults: integration_tests/abnormal_state.json names those
 * workspace ids. The sizes keep a run fast; expected_records.jsonl was generated with exactly these.
 * The rate limit is lifted: dozens of short syncs run within a minute, and the 429 path has its own tests.
 */
export const SIMULATOR_OPTIONS: SimulatorOptions = {
  seed: 42,
  workspaces: 2,
  users: 6,
  days: 14,
  logFilesPerDay: 1,
  eventsPerFile: 4,
  tasks: 10,
  environments: 3,
  projects: 2,
  orgUsers: 5,
  auditEvents: 30,
  rateLimitPerMinute: 1_000_000,
};

/**
 * Days read on a first sync, and re-read before a saved cursor. CAT's sequential-slices test re-reads from
 * about every fifth checkpoint and wants records that differ from the full read; a daily stream checkpoints
 * once a day, so the sampling step (days / 5) must exceed the lookback, or a re-read from an early checkpoint
 * reaches back to start_date and returns the full read again. 12 days and a 1-day lookback give a step of 2.
 */
const START_DAYS_BACK = 12;
const LOOKBACK_DAYS = 1;

export function startAcceptanceSimulator(now?: () => number): Promise<Simulator> {
  return startSimulator({ ...SIMULATOR_OPTIONS, now });
}

export function connectorConfig(sim: Simulator, now = Date.now()): Json {
  return {
    workspace_ids: sim.workspaceIds,
    organization_id: sim.organizationId,
    analytics_api_key: sim.keys.analytics,
    compliance_api_key: sim.keys.compliance,
    admin_api_key: sim.keys.admin,
    api_base_url: sim.apiBaseUrl,
    admin_api_base_url: sim.adminBaseUrl,
    start_date: new Date(now - START_DAYS_BACK * 86_400_000).toISOString().slice(0, 10),
    lookback_days: LOOKBACK_DAYS,
  };
}
