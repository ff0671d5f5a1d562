/**
 * Generated from schemas/usage.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen`.
 */

/**
 * Codex Analytics usage: one row per workspace, user and UTC day (GET /usage).
 */
export interface Usage {
  /**
   * workspace_id:date:user_id.
   */
  id: string;
  /**
   * ChatGPT workspace the row was read from (added by the connector).
   */
  workspace_id: string;
  /**
   * UTC day of the bucket, YYYY-MM-DD (added by the connector; the cursor).
   */
  date: string;
  /**
   * actor.email, else the legacy top-level email; null when the workspace hides it.
   */
  email?: null | string;
  /**
   * Bucket start, Unix seconds (inclusive).
   */
  start_time?: null | number;
  /**
   * Bucket end, Unix seconds (exclusive).
   */
  end_time?: null | number;
  /**
   * Null on workspace-wide rows.
   */
  user_id?: null | string;
  actor?: null | {
    type?: null | string;
    user_id?: null | string;
    /**
     * Present only where the workspace shares it.
     */
    email?: null | string;
    [k: string]: unknown;
  };
  totals?: null | {
    threads?: null | number;
    turns?: null | number;
    /**
     * Credits consumed; can be fractional.
     */
    credits?: null | number;
    /**
     * Billed cost in USD; null when unavailable.
     */
    cost_usd?: null | number;
    /**
     * Estimated cost in USD; null when unavailable.
     */
    estimated_cost_usd?: null | number;
    uncached_text_input_tokens?: null | number;
    cached_text_input_tokens?: null | number;
    text_output_tokens?: null | number;
    text_total_tokens?: null | number;
    [k: string]: unknown;
  };
  /**
   * Breakdown by Codex client; need not add up to totals.
   */
  clients?:
    | null
    | (null | {
        /**
         * Codex surface, e.g. CODEX_CLI; an open set.
         */
        client_id?: null | string;
        threads?: null | number;
        turns?: null | number;
        /**
         * Credits consumed; can be fractional.
         */
        credits?: null | number;
        /**
         * Billed cost in USD for this client; null when unavailable.
         */
        cost_usd?: null | number;
        /**
         * Estimated cost in USD for this client; null when unavailable.
         */
        estimated_cost_usd?: null | number;
        uncached_text_input_tokens?: null | number;
        cached_text_input_tokens?: null | number;
        text_output_tokens?: null | number;
        text_total_tokens?: null | number;
        [k: string]: unknown;
      })[];
  /**
   * Breakdown by model and speed; need not add up to totals.
   */
  models?:
    | null
    | (null | {
        /**
         * Model name; may be "other".
         */
        model?: null | string;
        /**
         * standard, fast, or null.
         */
        speed?: null | string;
        /**
         * Credits consumed; can be fractional.
         */
        credits?: null | number;
        /**
         * Billed cost in USD for this model; null when unavailable.
         */
        cost_usd?: null | number;
        /**
         * Estimated cost in USD for this model; null when unavailable.
         */
        estimated_cost_usd?: null | number;
        uncached_text_input_tokens?: null | number;
        cached_text_input_tokens?: null | number;
        text_output_tokens?: null | number;
        text_total_tokens?: null | number;
        [k: string]: unknown;
      })[];
  /**
   * Code attributed to Codex; an open object: metrics the API adds pass through.
   */
  code_attribution?: null | {
    lines_added?: null | number;
    lines_removed?: null | number;
    [k: string]: unknown;
  };
  object?: null | string;
  [k: string]: unknown;
}
