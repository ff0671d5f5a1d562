/**
 * Generated from schemas/codex_costs.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen`.
 */

/**
 * Codex billing from the organization-scope Compliance logs (event_type COSTS), one record per event: a user's use of a product and model in one hour, with usage and billing measures. Deduplicated on event_id.
 */
export interface CodexCosts {
  event_id: string;
  /**
   * OpenAI organization the logs were read from (added by the connector).
   */
  organization_id: string;
  /**
   * Log file the event was read from (added by the connector).
   */
  log_file_id: string;
  /**
   * end_time of that log file (added by the connector; the cursor).
   */
  log_file_end_time: string;
  /**
   * Log type: COSTS.
   */
  type?: null | string;
  timestamp?: null | string;
  /**
   * UTC day of the hour billed, as the API writes it.
   */
  day?: null | string;
  /**
   * Start of the hour billed, from day and hour (added by the connector).
   */
  period_start?: null | string;
  /**
   * identity.user_id, copied to the top for joins to compliance_users and usage (added by the connector).
   */
  user_id?: null | string;
  /**
   * Who used it, as the API sends it; email_handling applies to identity.email.
   */
  identity?: null | {
    user_id?: null | string;
    email?: null | string;
    name?: null | string;
    groups?: null | string[];
    [k: string]: unknown;
  };
  /**
   * codex, ChatGPT, work (an open set).
   */
  product?: null | string;
  client?: null | string;
  model?: null | string;
  service_tier?: null | string;
  /**
   * Usage and billing measures, whole.
   */
  measures?: null | {
    usage?: null | {
      input_tokens?: null | number;
      cached_input_tokens?: null | number;
      output_tokens?: null | number;
      reasoning_output_tokens?: null | number;
      [k: string]: unknown;
    };
    billing?:
      | null
      | {
          sku?: null | string;
          quantity?: null | number;
          cost?: null | {
            value?: null | number;
            /**
             * CREDITS or USD.
             */
            unit?: null | string;
            [k: string]: unknown;
          };
          [k: string]: unknown;
        }[];
    [k: string]: unknown;
  };
  /**
   * Sum of measures.billing[].cost.value in CREDITS; null when no line is in CREDITS (added by the connector).
   */
  billing_credits?: null | number;
  /**
   * Sum of measures.billing[].cost.value in USD; null when no line is in USD (added by the connector).
   */
  billing_usd?: null | number;
  [k: string]: unknown;
}
