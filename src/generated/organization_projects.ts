/**
 * Generated from schemas/organization_projects.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen`.
 */

/**
 * Projects of the OpenAI organization, archived ones included (GET /organization/projects).
 */
export interface OrganizationProjects {
  id: string;
  object?: null | string;
  name?: null | string;
  /**
   * Unix seconds.
   */
  created_at?: null | number;
  /**
   * Unix seconds; null unless archived.
   */
  archived_at?: null | number;
  status?: null | string;
  [k: string]: unknown;
}
