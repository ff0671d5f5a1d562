/**
 * Generated from schemas/organization_project_api_keys.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen`.
 */

/**
 * API keys of each OpenAI project (GET /organization/projects/{id}/api_keys); values are redacted by the API.
 */
export interface OrganizationProjectApiKeys {
  id: string;
  /**
   * Project the row was listed under (added by the connector).
   */
  project_id: string;
  object?: null | string;
  name?: null | string;
  redacted_value?: null | string;
  /**
   * Unix seconds.
   */
  created_at?: null | number;
  /**
   * Unix seconds.
   */
  last_used_at?: null | number;
  owner?: null | {
    /**
     * user or service_account.
     */
    type?: null | string;
    user?: null | {
      id?: null | string;
      name?: null | string;
      email?: null | string;
      role?: null | string;
      created_at?: null | number;
      [k: string]: unknown;
    };
    service_account?: null | {
      id?: null | string;
      name?: null | string;
      role?: null | string;
      created_at?: null | number;
      [k: string]: unknown;
    };
    [k: string]: unknown;
  };
  /**
   * Whether the API key's owner currently has effective access to the project.
   */
  owner_project_access?: null | string;
  [k: string]: unknown;
}
