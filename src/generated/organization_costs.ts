/**
 * Generated from schemas/organization_costs.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen`.
 */

/**
 * OpenAI organization costs, daily buckets grouped by project and line item (GET /organization/costs).
 */
export interface OrganizationCosts {
  /**
   * date plus the group-by dimensions, joined with ":".
   */
  id: string;
  /**
   * UTC day of the bucket, YYYY-MM-DD (added by the connector; the cursor).
   */
  date: string;
  /**
   * Bucket start, Unix seconds (inclusive).
   */
  start_time?: null | number;
  /**
   * Bucket end, Unix seconds (exclusive).
   */
  end_time?: null | number;
  object?: null | string;
  amount?: null | {
    /**
     * Amount; fractional.
     */
    value?: null | number;
    /**
     * e.g. usd.
     */
    currency?: null | string;
    [k: string]: unknown;
  };
  line_item?: null | string;
  project_id?: null | string;
  api_key_id?: null | string;
  /**
   * When `group_by=line_item`, this field provides the quantity of the grouped costs result.
   */
  quantity?: null | number;
  /**
   * The unit of the `quantity` value.
   */
  quantity_unit?: null | string;
  [k: string]: unknown;
}
