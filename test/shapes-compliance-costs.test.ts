// codex_costs shaping: one total per billing unit (never across units), the hour billed, and an event whose
// measures or identity are missing or odd still becomes a record, with nulls where nothing can be said.
import { describe, expect, it } from 'vitest';
import { billingTotal, periodStart, shapeCostEvent } from '../src/shapes/compliance-costs.js';

const line = (value: unknown, unit: unknown) => ({ sku: 's', quantity: 1, cost: { value, unit } });

describe('billingTotal', () => {
  it('sums each unit on its own, ignoring other units and values that are not numbers', () => {
    const billing = [
      line(0.1, 'CREDITS'),
      line(0.2, 'CREDITS'),
      line(5, 'USD'),
      line(7, 'EUR'),
      line('3', 'CREDITS'),
    ];
    expect(billingTotal(billing, 'CREDITS')).toBe(0.3); // not 0.30000000000000004
    expect(billingTotal(billing, 'USD')).toBe(5);
  });

  it('is null when no line is in the unit, and 0 when lines are but cost nothing', () => {
    expect(billingTotal([line(1, 'CREDITS')], 'USD')).toBeNull();
    expect(billingTotal([line(0, 'USD')], 'USD')).toBe(0);
    expect(billingTotal([{ sku: 'no cost' }], 'USD')).toBeNull();
  });
});

describe('periodStart', () => {
  it.each([
    ['2026-11-01', 13, '2026-11-01T13:00:00.000Z'],
    ['2026-11-01', '7', '2026-11-01T07:00:00.000Z'],
    [undefined, '2026-11-01T13:42:10Z', '2026-11-01T13:00:00.000Z'],
    ['2026-11-01', 24, null],
    ['2026-11-01', 1.5, null],
    ['11/01/2026', 3, null],
    ['2026-11-01', undefined, null],
  ])('given day %j and hour %j, then %j', (day, hour, want) => {
    expect(periodStart(day, hour)).toBe(want);
  });
});

describe('shapeCostEvent', () => {
  it('keeps the event whole and adds the file, the organization and the summable columns', () => {
    const event = {
      event_id: 'e1',
      identity: { user_id: 'user-1', email: 'a@b.c', groups: ['x'] },
      measures: { usage: { input_tokens: 5 }, billing: [line(2, 'CREDITS')] },
      product: 'codex',
      day: '2026-11-01',
      hour: 2,
    };
    const copy = structuredClone(event);
    const [record] = shapeCostEvent(event, {
      organization_id: 'org-1',
      event_type: 'COSTS',
      log_file_id: 'f1',
      log_file_end_time: '2026-11-01T03:00:00.000001Z',
    });
    expect(record).toEqual({
      ...copy,
      organization_id: 'org-1',
      log_file_id: 'f1',
      log_file_end_time: '2026-11-01T03:00:00.000001Z',
      user_id: 'user-1',
      period_start: '2026-11-01T02:00:00.000Z',
      billing_credits: 2,
      billing_usd: null,
    });
  });

  it('given no identity and no measures, then nulls rather than a failure', () => {
    const [record] = shapeCostEvent({ event_id: 'e2', measures: 'odd' }, { organization_id: 'org-1' });
    expect(record).toMatchObject({
      user_id: null,
      period_start: null,
      billing_credits: null,
      billing_usd: null,
    });
  });
});
