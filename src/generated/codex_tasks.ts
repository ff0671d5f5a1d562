/**
 * Generated from schemas/codex_tasks.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen`.
 */

/**
 * Codex cloud tasks in the workspace (Compliance API GET /codex_tasks).
 */
export interface CodexTasks {
  /**
   * Task id, e.g. task_e_….
   */
  id: string;
  /**
   * ChatGPT workspace the row was read from (added by the connector).
   */
  workspace_id: string;
  /**
   * Last update, normalized to ISO 8601 (the API sends Unix seconds or ISO; the cursor).
   */
  updated_at: string;
  title?: null | string;
  created_by_id?: null | string;
  /**
   * Creation time, normalized to ISO 8601.
   */
  created_at?: null | string;
  [k: string]: unknown;
}
