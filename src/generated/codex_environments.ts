/**
 * Generated from schemas/codex_environments.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen`.
 */

/**
 * Codex cloud environments in the workspace (Compliance API GET /codex_environments); fields beyond id are undocumented and pass through.
 */
export interface CodexEnvironments {
  id: string;
  /**
   * ChatGPT workspace the row was read from (added by the connector).
   */
  workspace_id: string;
  name?: null | string;
  [k: string]: unknown;
}
