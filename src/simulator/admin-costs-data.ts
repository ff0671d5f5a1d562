// Daily costs as atoms per project, API key and line item. Amounts are kept in integer micro-dollars so sums
// stay exact, and served as fractional USD (`amount.value`), as the Costs API does.
import type { Atom, BucketKind } from './admin-usage-data.js';
import { who } from './admin-usage-data.js';
import type { Org } from './admin-org.js';
import { pick, rand, randInt } from './random.js';

const PRICED_MODELS = ['gpt-4o-2024-08-06', 'gpt-4o-mini-2024-07-18', 'o3-2025-04-16'];
const FLAT_ITEMS = ['Code Interpreter sessions', 'text-embedding-3-small', 'File search tool calls'];

/** Each combination bills a model's input and output: two atoms differing only in `line_item`. */
function costAtoms(seed: number, day: number, org: Org): Atom[] {
  if (org.projects.length === 0 || rand(seed, 'cost-quiet', day) < 0.1) return [];
  const atoms: Atom[] = [];
  const combos = randInt(seed, 1, 4, 'cost-count', day);
  for (let i = 0; i < combos; i++) {
    const { project_id, api_key_id } = who(seed, org, 'cost', day, i);
    const model = pick(seed, PRICED_MODELS, 'cost-model', day, i);
    for (const side of ['input', 'output']) {
      const micros = randInt(seed, 1_000, 9_000_000, 'cost', day, i, side);
      const quantity = randInt(seed, 1_000, 2_000_000, 'cost-qty', day, i, side);
      atoms.push({
        dims: { line_item: `${model}, ${side}`, project_id, api_key_id },
        metrics: { micros, quantity },
      });
    }
    if (rand(seed, 'cost-flat', day, i) < 0.5) {
      const line_item = pick(seed, FLAT_ITEMS, 'cost-flat-item', day, i);
      const micros = randInt(seed, 30_000, 2_000_000, 'cost-flat-amount', day, i);
      const quantity = randInt(seed, 1, 500, 'cost-flat-qty', day, i);
      atoms.push({ dims: { line_item, project_id, api_key_id }, metrics: { micros, quantity } });
    }
  }
  return atoms;
}

/** The unit of a line item's quantity; null where no single unit applies, as the spec allows. */
const UNITS: Record<string, string | null> = {
  'Code Interpreter sessions': null,
  'text-embedding-3-small': 'tokens',
  'File search tool calls': null,
};

/** `quantity` is only meaningful per line item ("when group_by=line_item"), so it is null otherwise. */
export const COSTS_KIND: BucketKind = {
  dims: ['line_item', 'project_id', 'api_key_id'],
  atoms: costAtoms,
  shape: (metrics, dims) => {
    const item = typeof dims.line_item === 'string' ? dims.line_item : null;
    return {
      object: 'organization.costs.result',
      amount: { value: (metrics['micros'] ?? 0) / 1_000_000, currency: 'usd' },
      quantity: item === null ? null : (metrics['quantity'] ?? null),
      quantity_unit: item === null ? null : item in UNITS ? (UNITS[item] ?? null) : 'tokens',
      ...dims,
    };
  },
};
