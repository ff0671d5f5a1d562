/**
 * Generated from schemas/organization_project_service_accounts.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen`.
 */

/**
 * Service accounts of each OpenAI project (GET /organization/projects/{id}/service_accounts).
 */
export interface OrganizationProjectServiceAccounts {
  id: string;
  /**
   * Project the row was listed under (added by the connector).
   */
  project_id: string;
  object?: null | string;
  name?: null | string;
  role?: null | string;
  /**
   * Unix seconds.
   */
  created_at?: null | number;
  [k: string]: unknown;
}
