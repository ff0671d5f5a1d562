// What the simulator process tells the bench: how to reach it, and every request it answered.

export interface SimInfo {
  apiBaseUrl: string;
  adminBaseUrl: string;
  workspaceIds: string[];
  keys: { analytics: string; compliance: string; admin: string };
  options: Record<string, unknown>;
}

export interface SimRequestRecord {
  /** Epoch ms when the request reached the simulator. */
  at: number;
  host: 'api' | 'admin' | 'files';
  /** The simulator's route name: `usage`, `logs`, `log_download`, `log_file`, `admin_completions`, … */
  route: string;
  workspace: string | null;
  status: number;
  query: Record<string, string | string[]>;
}
