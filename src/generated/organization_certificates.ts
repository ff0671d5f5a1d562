/**
 * Generated from schemas/organization_certificates.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen`.
 */

/**
 * Certificates uploaded to the organization (mutual TLS): name, upload time, validity window, whether active (GET /organization/certificates).
 */
export interface OrganizationCertificates {
  id: string;
  /**
   * The object type, which is always `organization.certificate`.
   */
  object?: null | string;
  /**
   * The name of the certificate.
   */
  name?: null | string;
  /**
   * The Unix timestamp (in seconds) of when the certificate was uploaded.
   */
  created_at?: null | number;
  certificate_details?: null | {
    /**
     * The Unix timestamp (in seconds) of when the certificate becomes valid.
     */
    valid_at?: null | number;
    /**
     * The Unix timestamp (in seconds) of when the certificate expires.
     */
    expires_at?: null | number;
    [k: string]: unknown;
  };
  /**
   * Whether the certificate is currently active at the organization level.
   */
  active?: null | boolean;
  [k: string]: unknown;
}
