/**
 * Generated from schemas/organization_admin_api_keys.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen`.
 */

/**
 * Admin API keys of the organization, redacted by the API, with their owners (GET /organization/admin_api_keys).
 */
export interface OrganizationAdminApiKeys {
  id: string;
  /**
   * The object type, which is always `organization.admin_api_key`
   */
  object?: null | string;
  /**
   * The name of the API key
   */
  name?: null | string;
  /**
   * The redacted value of the API key
   */
  redacted_value?: null | string;
  /**
   * The Unix timestamp (in seconds) of when the API key was created
   */
  created_at?: null | number;
  /**
   * The Unix timestamp (in seconds) of when the API key expires
   */
  expires_at?: null | number;
  /**
   * The Unix timestamp (in seconds) of when the API key was last used
   */
  last_used_at?: null | number;
  owner?: null | {
    type?: null | string;
    object?: null | string;
    id?: null | string;
    name?: null | string;
    /**
     * The Unix timestamp (in seconds) of when the user was created
     */
    created_at?: null | number;
    role?: null | string;
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
