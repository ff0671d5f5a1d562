// What each scenario hands back: its section of results.json, and its targets (pass or fail, with evidence).

export interface Target {
  id: string;
  description: string;
  pass: boolean;
  measured: unknown;
  threshold: string;
  evidence?: string;
}

export interface ScenarioResult {
  name: string;
  section: Record<string, unknown>;
  targets: Target[];
}

/** A connector run that failed must not pass as a fast one. */
export function mustSucceed(what: string, errors: string[]): void {
  if (errors.length > 0) throw new Error(`${what}: the connector run failed: ${errors.join(' | ')}`);
}
