// Where each analytics route's rows come from, bucket by bucket. Values depend on (seed, workspace, day,
// user, epochForDay): advancing the epoch restates only the most recent days, as the real API does.
import {
  DAY_SECONDS,
  USAGE_OBJECT,
  userDayRow,
  userProfiles,
  type Row,
  type UserProfile,
} from './analytics-data.js';
import type { BucketRows, DataRange } from './analytics-pages.js';
import { codeReviewResponseRow, codeReviewRow } from './analytics-reviews.js';
import { sumRows } from './analytics-sum.js';
import type { SimContext } from './types.js';

/** How many of the latest days (today included) are restated when the epoch advances. */
export const RESTATED_DAYS = 3;
const CACHE_LIMIT = 20_000;

export type DayRow = (workspaceId: string, day: number) => Row;

export interface Sources {
  range(): DataRange;
  users(workspaceId: string): BucketRows;
  workspace(workspaceId: string): BucketRows;
  perDay(fn: DayRow, workspaceId: string): BucketRows;
  codeReviews: DayRow;
  codeReviewResponses: DayRow;
}

const NULL_TOKENS = {
  uncached_text_input_tokens: null,
  cached_text_input_tokens: null,
  text_output_tokens: null,
  text_total_tokens: null,
};

const isRow = (row: Row | undefined): row is Row => row !== undefined;

const todayOf = (ctx: SimContext): number => Math.floor(ctx.now() / 1000 / DAY_SECONDS);

function emptyWorkspaceDay(day: number): Row {
  return {
    start_time: day * DAY_SECONDS,
    end_time: (day + 1) * DAY_SECONDS,
    object: USAGE_OBJECT,
    totals: { threads: 0, turns: 0, credits: 0, cost_usd: null, estimated_cost_usd: null, ...NULL_TOKENS },
    clients: [],
    models: [],
    code_attribution: null,
  };
}

/** The workspace row of one day: the sum of its users' rows, attributed to no user. */
function workspaceDayRow(userRows: Iterable<Row>, day: number): Row {
  const sum = sumRows(userRows, emptyWorkspaceDay(day));
  const { start_time, end_time, object, totals, clients, models, code_attribution } = sum;
  return {
    start_time,
    end_time,
    object,
    user_id: null,
    actor: null,
    totals,
    clients,
    models,
    code_attribution,
  };
}

type UserDay = (ws: string, user: UserProfile, day: number) => Row | undefined;

/** Per-user rows of a bucket; the unit is the user's rank in user_id order. */
function usersSource(users: UserProfile[], ws: string, userDay: UserDay): BucketRows {
  return function* (days, from) {
    for (let u = from; u < users.length; u++) {
      const user = users[u] as UserProfile;
      const rows = days.map((day) => userDay(ws, user, day)).filter(isRow);
      // One day needs no summing: walk() copies the row anyway.
      if (rows.length > 0) yield [rows.length === 1 ? (rows[0] as Row) : sumRows(rows), u + 1];
    }
  };
}

function perDay(fn: DayRow, ws: string): BucketRows {
  return function* (days, from) {
    if (from === 0) yield [sumRows(days.map((day) => fn(ws, day))), 1];
  };
}

export function createSources(ctx: SimContext): Sources {
  const { seed } = ctx;
  const profiles = new Map<string, UserProfile[]>();
  const workspaceDays = new Map<string, Row>();
  const epochOf = (day: number): number => (day > todayOf(ctx) - RESTATED_DAYS ? ctx.epoch : 0);
  const usersOf = (ws: string): UserProfile[] => {
    const found = profiles.get(ws) ?? userProfiles(seed, ws, ctx.options.users);
    profiles.set(ws, found);
    return found;
  };
  const userDay: UserDay = (ws, user, day) => userDayRow(seed, ws, user, day, epochOf(day));
  // Summed as generated, never held in a list: short-lived rows are cheap for the garbage collector.
  function* activeRows(ws: string, day: number): Generator<Row> {
    for (const user of usersOf(ws)) {
      const row = userDay(ws, user, day);
      if (row) yield row;
    }
  }
  /** Cached: a large workspace sums thousands of user rows per day. */
  const workspaceDay: DayRow = (ws, day) => {
    const key = `${ws}|${day}|${epochOf(day)}`;
    const row = workspaceDays.get(key) ?? workspaceDayRow(activeRows(ws, day), day);
    if (workspaceDays.size >= CACHE_LIMIT) workspaceDays.clear();
    workspaceDays.set(key, row);
    return row;
  };
  return {
    range: () => ({ first: todayOf(ctx) - ctx.options.days + 1, last: todayOf(ctx) }),
    users: (ws) => usersSource(usersOf(ws), ws, userDay),
    workspace: (ws) => perDay(workspaceDay, ws),
    perDay,
    codeReviews: (ws, day) => codeReviewRow(seed, ws, day, epochOf(day)),
    codeReviewResponses: (ws, day) => codeReviewResponseRow(seed, ws, day, epochOf(day)),
  };
}
