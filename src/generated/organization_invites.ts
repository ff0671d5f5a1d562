/**
 * Generated from schemas/organization_invites.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen`.
 */

/**
 * Invitations to the OpenAI organization (GET /organization/invites).
 */
export interface OrganizationInvites {
  id: string;
  object?: null | string;
  email?: null | string;
  role?: null | string;
  status?: null | string;
  /**
   * Unix seconds.
   */
  invited_at?: null | number;
  /**
   * Unix seconds.
   */
  expires_at?: null | number;
  /**
   * Unix seconds; null until accepted.
   */
  accepted_at?: null | number;
  /**
   * The Unix timestamp (in seconds) of when the invite was sent.
   */
  created_at?: null | number;
  /**
   * The projects that were granted membership upon acceptance of the invite.
   */
  projects?:
    | null
    | {
        id?: null | string;
        role?: null | string;
        [k: string]: unknown;
      }[];
  [k: string]: unknown;
}
