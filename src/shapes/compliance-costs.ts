// COSTS events (Codex billing, organization-scope Compliance logs) → codex_costs records: the event whole
// (`identity`, `product`, `measures` untouched) plus the file it came from and columns a warehouse can sum.
// Billing lines mix units (CREDITS, USD), so there is one total per unit, never one across units; a unit
// this connector does not know stays in `measures.billing` only.
import type { Partition, Row } from '../engine/types.js';
import { arrayOf, asObject } from './common.js';

/** Sum of `cost.value` over the billing lines in `unit`; null when no line is in that unit. */
export function billingTotal(billing: Row[], unit: string): number | null {
  let total: number | null = null;
  for (const line of billing) {
    const cost = asObject(line.cost);
    const value = cost?.value;
    if (cost?.unit !== unit || typeof value !== 'number' || !Number.isFinite(value)) continue;
    total = (total ?? 0) + value;
  }
  // Floating sums of 4-decimal prices pick up noise (0.1 + 0.2); 1e-9 is far below any price unit.
  return total === null ? null : Math.round(total * 1e9) / 1e9;
}

/** `day` + `hour` as the hour's start, ISO 8601; null when either is missing or not a time. The shape of
 * `hour` is seen only as 0-23; an ISO time there (`2026-11-01T13:00:00Z`) is read as that hour too. */
export function periodStart(day: unknown, hour: unknown): string | null {
  if (typeof hour === 'string' && hour.includes('T')) {
    const ms = Date.parse(hour);
    return Number.isFinite(ms) ? new Date(ms - (ms % 3_600_000)).toISOString() : null;
  }
  if (typeof day !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const h = typeof hour === 'number' ? hour : typeof hour === 'string' ? Number(hour) : NaN;
  if (!Number.isInteger(h) || h < 0 || h > 23) return null;
  const ms = Date.parse(`${day}T00:00:00Z`) + h * 3_600_000;
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

export function shapeCostEvent(row: Row, partition: Partition): Row[] {
  // Numbers are added, which the raw-bytes fast path (string fields only) cannot splice: costs events are
  // small, so they serialize normally (the stream declares no addedFields).
  const billing = arrayOf(asObject(row.measures)?.billing);
  const userId = asObject(row.identity)?.user_id;
  Object.assign(row, {
    organization_id: partition.organization_id ?? '',
    log_file_id: partition.log_file_id ?? '',
    log_file_end_time: partition.log_file_end_time ?? '',
    user_id: typeof userId === 'string' ? userId : null,
    period_start: periodStart(row.day, row.hour),
    billing_credits: billingTotal(billing, 'CREDITS'),
    billing_usd: billingTotal(billing, 'USD'),
  });
  return [row];
}
