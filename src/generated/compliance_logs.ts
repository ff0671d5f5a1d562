/**
 * Generated from schemas/compliance_logs.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen`.
 */

/**
 * Compliance events read from the log files, deduplicated on event_id. They hold prompt and response content: sensitive data.
 */
export interface ComplianceLogs {
  event_id: string;
  /**
   * ChatGPT workspace the row was read from (added by the connector).
   */
  workspace_id: string;
  /**
   * Log file the event was read from (added by the connector).
   */
  log_file_id: string;
  /**
   * end_time of that log file (added by the connector; the cursor).
   */
  log_file_end_time: string;
  /**
   * Log type: CODEX_LOG or CODEX_SECURITY_LOG.
   */
  type?: null | string;
  timestamp?: null | string;
  principal?: null | {
    id?: null | string;
    type?: null | string;
    [k: string]: unknown;
  };
  actor?: null | {
    type?: null | string;
    user_id?: null | string;
    user_email?: null | string;
    [k: string]: unknown;
  };
  /**
   * Sub-type, e.g. PROMPT_SENT or TOOL_CALL_COMPLETED; an open set.
   */
  event_type?: null | string;
  client_id?: null | string;
  /**
   * Type-specific details, passed through whole; the listed properties are the common ones.
   */
  event_details?: null | {
    session_id?: null | string;
    turn_id?: null | string;
    model?: null | string;
    status?: null | string;
    tool_name?: null | string;
    prompt_text?: null | string;
    response_text?: null | string;
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
