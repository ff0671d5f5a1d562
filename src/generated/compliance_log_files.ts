/**
 * Generated from schemas/compliance_log_files.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen`.
 */

/**
 * Compliance API log files (GET /logs) for the configured Codex event types.
 */
export interface ComplianceLogFiles {
  /**
   * Log file id, e.g. eclf_123.
   */
  id: string;
  /**
   * ChatGPT workspace the row was read from (added by the connector).
   */
  workspace_id: string;
  /**
   * Time of the last event the file covers (the cursor).
   */
  end_time: string;
  /**
   * CODEX_LOG or CODEX_SECURITY_LOG.
   */
  event_type?: null | string;
  file_name?: null | string;
  /**
   * Bytes.
   */
  file_size?: null | number;
  /**
   * Hex SHA-256 of the file body.
   */
  file_sha256?: null | string;
  [k: string]: unknown;
}
