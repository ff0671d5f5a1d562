/**
 * Generated from schemas/organization_groups.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen`.
 */

/**
 * Groups of the organization (SCIM-managed or not) (GET /organization/groups).
 */
export interface OrganizationGroups {
  id: string;
  /**
   * Display name of the group.
   */
  name?: null | string;
  /**
   * Unix timestamp (in seconds) when the group was created.
   */
  created_at?: null | number;
  /**
   * Whether the group is managed through SCIM and controlled by your identity provider.
   */
  is_scim_managed?: null | boolean;
  /**
   * The type of the group.
   */
  group_type?: null | string;
  [k: string]: unknown;
}
