/**
 * Generated from schemas/compliance_users.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen`.
 */

/**
 * Members of a ChatGPT workspace (Compliance API GET /users): the person behind every Codex user_id.
 */
export interface ComplianceUsers {
  /**
   * User id (user-…), the user_id of usage rows, compliance events and tasks.
   */
  id: string;
  /**
   * ChatGPT workspace the row was read from (added by the connector).
   */
  workspace_id: string;
  /**
   * The member's email; email_handling applies.
   */
  email?: null | string;
  name?: null | string;
  /**
   * When the member joined, normalized to ISO 8601 (the API sends Unix seconds or ISO).
   */
  created_at?: null | string;
  /**
   * account-owner, account-admin, analytics-viewer, standard-user (an open set).
   */
  role?: null | string;
  /**
   * active or inactive (an open set).
   */
  status?: null | string;
  [k: string]: unknown;
}
