/**
 * Generated from schemas/organization_roles.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen`.
 */

/**
 * Roles of the organization, predefined and custom, with their permissions (GET /organization/roles).
 */
export interface OrganizationRoles {
  id: string;
  /**
   * Always `role`.
   */
  object?: null | string;
  /**
   * Unique name for the role.
   */
  name?: null | string;
  /**
   * Optional description of the role.
   */
  description?: null | string;
  /**
   * Permissions granted by the role.
   */
  permissions?: null | string[];
  /**
   * Resource type the role is bound to (for example `api.organization` or `api.project`).
   */
  resource_type?: null | string;
  /**
   * Whether the role is predefined and managed by OpenAI.
   */
  predefined_role?: null | boolean;
  [k: string]: unknown;
}
