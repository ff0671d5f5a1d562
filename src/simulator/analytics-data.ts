// Codex Analytics rows, generated one at a time from (seed, workspace, day, user, epoch) so any page can be
// computed without materialising the data set. Shapes follow codex-api.md §1, first variant of each field.
import { draw, type Draw } from './prng.js';
import { idFrom } from './random.js';

export type Row = Record<string, unknown>;

export const DAY_SECONDS = 86_400;

export const CLIENT_IDS = [
  'CODEX_CLI',
  'CODEX_WEB',
  'CODEX_DESKTOP_APP',
  'CODEX_IDE_VSCODE',
  'CODEX_IDE_JETBRAINS_INTELLIJ',
  'CODEX_GITHUB',
  'CODEX_SLACK',
  'CODEX_SDK_TS',
  'CODEX_UNKNOWN_DEFAULT',
] as const;

const MODELS = ['gpt-5.5', 'gpt-5.5-codex', 'gpt-5.4-mini', 'other'] as const;
const SPEEDS = ['standard', 'fast', null] as const;

/** The `object` value is undocumented; the connector must pass whatever it is through. */
export const USAGE_OBJECT = 'codex.analytics.usage';

export interface UserProfile {
  index: number;
  userId: string;
  /** Null where the workspace does not share emails: `actor.email` is then absent. */
  email: string | null;
  /** Chance of being active on a given day. */
  activity: number;
  /** Carries an undocumented extra field, to prove unknown fields pass through. */
  seatType: boolean;
}

/** A workspace's users, ordered by user_id because rows within a day come in that order. */
export function userProfiles(seed: number, workspaceId: string, users: number): UserProfile[] {
  const profiles = Array.from({ length: users }, (_, index): UserProfile => {
    const d = draw(seed, 'user', workspaceId, index);
    return {
      index,
      // Real ids are letters and digits (`user-AbC123`); base64url's `-` and `_` would look wrong.
      userId: `user-${idFrom('', seed, 'user', workspaceId, index).replace(/[-_]/g, (c) => (c === '-' ? 'Q' : 'z'))}`,
      email: d.chance(0.85) ? `dev${index + 1}@${workspaceId.slice(0, 8)}.example.com` : null,
      activity: d.float(0.3, 0.9),
      seatType: d.chance(0.3),
    };
  });
  return profiles.sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Distinct (model, speed) pairs: the connector keys usage_by_model rows on them. */
const MODEL_PAIRS = MODELS.flatMap((model) => SPEEDS.map((speed) => ({ model, speed })));

/** Token counters of a row; null means "unavailable". Typed and fixed-shape: this is the hot path. */
interface Tokens {
  uncached_text_input_tokens: number | null;
  cached_text_input_tokens: number | null;
  text_output_tokens: number | null;
  text_total_tokens: number | null;
}

function tokens(d: Draw, turns: number): Tokens {
  if (d.chance(0.05)) {
    return {
      uncached_text_input_tokens: null,
      cached_text_input_tokens: null,
      text_output_tokens: null,
      text_total_tokens: null,
    };
  }
  const uncached = turns * d.int(800, 4000);
  const cached = d.chance(0.1) ? null : turns * d.int(0, 2000);
  const output = turns * d.int(100, 900);
  return {
    uncached_text_input_tokens: uncached,
    cached_text_input_tokens: cached,
    text_output_tokens: output,
    text_total_tokens: uncached + (cached ?? 0) + output,
  };
}

function share(d: Draw, n: number | null): number | null {
  return n === null ? null : Math.round(n * d.float(0.2, 1));
}

/** A breakdown entry's share of the totals; breakdowns need not add up to totals (as in the real API).
 * Its costs follow from its credits (no draw, so the rest of the data stays as it was); `cost_usd` only
 * where the row's total has one. */
function portion(d: Draw, credits: number, t: Tokens, billed: boolean): Row {
  const part = round2(credits * d.float(0.2, 1));
  const estimated = round2(part * 0.04);
  return {
    credits: part,
    cost_usd: billed ? estimated : null,
    estimated_cost_usd: estimated,
    uncached_text_input_tokens: share(d, t.uncached_text_input_tokens),
    cached_text_input_tokens: share(d, t.cached_text_input_tokens),
    text_output_tokens: share(d, t.text_output_tokens),
    text_total_tokens: share(d, t.text_total_tokens),
  };
}

interface Activity {
  credits: number;
  t: Tokens;
  threads: number;
  turns: number;
  billed: boolean;
}

function clients(d: Draw, a: Activity): Row[] {
  return d.sample(CLIENT_IDS, d.int(1, 3)).map((client_id) => {
    const counts = {
      threads: Math.max(1, share(d, a.threads) ?? 1),
      turns: Math.max(1, share(d, a.turns) ?? 1),
    };
    return { client_id, ...counts, ...portion(d, a.credits, a.t, a.billed) };
  });
}

function models(d: Draw, a: Activity): Row[] {
  return d
    .sample(MODEL_PAIRS, d.int(1, 2))
    .map(({ model, speed }) => ({ model, speed, ...portion(d, a.credits, a.t, a.billed) }));
}

/** Lines of code attributed to Codex; `files_changed` stands for the metrics the API adds over time. */
function codeAttribution(d: Draw): Row | null {
  if (!d.chance(0.8)) return null;
  const added = d.int(0, 2000);
  return { lines_added: added, lines_removed: d.int(0, 600), files_changed: 1 + Math.floor(added / 120) };
}

/** One user's row for one day, or undefined on a day the user did not use Codex. */
export function userDayRow(
  seed: number,
  workspaceId: string,
  user: UserProfile,
  day: number,
  epoch: number,
): Row | undefined {
  const d = draw(seed, 'usage', workspaceId, day, user.index, epoch);
  if (!d.chance(user.activity)) return undefined;
  const threads = d.int(1, 25);
  const turns = threads * d.int(2, 6);
  const credits = round2(turns * d.float(5, 60));
  const estimated = round2(credits * 0.04);
  const cost = d.chance(0.3) ? estimated : null;
  const t = tokens(d, turns);
  const activity = { credits, t, threads, turns, billed: cost !== null };
  const row: Row = {
    start_time: day * DAY_SECONDS,
    end_time: (day + 1) * DAY_SECONDS,
    object: USAGE_OBJECT,
    user_id: user.userId,
    actor: {
      type: 'ACCOUNT_USER',
      user_id: user.userId,
      ...(user.email === null ? {} : { email: user.email }),
    },
    totals: { threads, turns, credits, cost_usd: cost, estimated_cost_usd: estimated, ...t },
    clients: clients(d, activity),
    models: models(d, activity),
    code_attribution: codeAttribution(d),
  };
  if (user.seatType) row.seat_type = 'enterprise';
  return row;
}
