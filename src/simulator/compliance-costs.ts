// COSTS events of the organization-scope Compliance logs: one per user, product and model for an hour of
// use, as production clients of the real API show them (`day`, `hour`, `identity`, `product`, `client`,
// `model`, `service_tier`, `measures.usage`, `measures.billing[{sku, quantity, cost{value, unit}}]`).
// Billing mixes units (CREDITS, some USD), so a reader that sums across units is wrong on purpose here.
import type { Rng } from './compliance-rng.js';
import * as T from './compliance-text.js';
import { isoSeconds } from './compliance-time.js';
import type { SimContext } from './types.js';

const PRODUCTS = ['codex', 'codex', 'codex', 'ChatGPT', 'work'] as const;
const TIERS = ['default', 'default', 'priority', 'flex'] as const;
const GROUPS = ['engineering', 'platform', 'data', 'security'] as const;

const round = (n: number, places: number): number => Math.round(n * 10 ** places) / 10 ** places;

function billing(r: Rng, usage: Record<string, number>, tier: string): Record<string, unknown>[] {
  const input = usage.input_tokens ?? 0;
  const output = usage.output_tokens ?? 0;
  const lines: Record<string, unknown>[] = [
    { sku: 'input_tokens', quantity: input, cost: { value: round(input / 4000, 4), unit: 'CREDITS' } },
    { sku: 'output_tokens', quantity: output, cost: { value: round(output / 500, 4), unit: 'CREDITS' } },
  ];
  if (tier === 'priority' || r.next() < 0.1) {
    lines.push({
      sku: `${tier}_surcharge`,
      quantity: 1,
      cost: { value: round(r.next() * 2, 2), unit: 'USD' },
    });
  }
  return lines;
}

/** The COSTS event at a line of an organization's file; `r` continues the event's own random stream. */
export function costEvent(
  ctx: SimContext,
  organizationId: string,
  eventId: string,
  timestampUs: number,
  r: Rng,
): Record<string, unknown> {
  const workspaceId = r.pick(ctx.workspaceIds);
  const user = T.userOf(ctx.seed, workspaceId, r.int(0, Math.max(1, ctx.options.users) - 1));
  const product = r.pick(PRODUCTS);
  const tier = r.pick(TIERS);
  const input = r.int(1000, 400_000);
  const usage = {
    input_tokens: input,
    cached_input_tokens: r.int(0, input),
    output_tokens: r.int(100, 40_000),
    reasoning_output_tokens: r.int(0, 8000),
  };
  const timestamp = isoSeconds(timestampUs);
  return {
    event_id: eventId,
    type: 'COSTS',
    timestamp,
    principal: { id: organizationId, type: 'ORGANIZATION' },
    day: timestamp.slice(0, 10),
    hour: Number(timestamp.slice(11, 13)),
    identity: {
      user_id: user.user_id,
      email: user.user_email ?? null,
      name: `Member ${user.user_id.slice(-4)}`,
      groups: [r.pick(GROUPS)],
    },
    product,
    client: product === 'codex' ? r.pick(T.CLIENTS) : null,
    model: r.pick(T.MODELS),
    service_tier: tier,
    measures: { usage, billing: billing(r, usage, tier) },
  };
}
