// Code review rows: workspace-wide, one per day. Response counts cover PRs merged in the period, which is
// why recent days are restated (the epoch is part of the draw).
import { DAY_SECONDS, type Row } from './analytics-data.js';
import { draw } from './prng.js';

function bounds(day: number): Row {
  return { start_time: day * DAY_SECONDS, end_time: (day + 1) * DAY_SECONDS };
}

export function codeReviewRow(seed: number, workspaceId: string, day: number, epoch: number): Row {
  const d = draw(seed, 'code_reviews', workspaceId, day, epoch);
  const p0 = d.int(0, 5);
  const p1 = d.int(0, 20);
  const p2 = d.int(0, 30);
  return {
    ...bounds(day),
    pull_request_reviews: d.int(0, 30),
    comments: p0 + p1 + p2,
    comment_details: { p0, p1, p2 },
  };
}

export function codeReviewResponseRow(seed: number, workspaceId: string, day: number, epoch: number): Row {
  const d = draw(seed, 'code_review_responses', workspaceId, day, epoch);
  const comments = d.int(0, 60);
  const upvoted = d.int(0, Math.floor(comments / 2));
  const downvoted = d.int(0, Math.floor(comments / 6));
  const other = d.int(0, 3);
  const replied = d.int(0, Math.floor(comments / 4));
  const reacted = Math.min(comments, upvoted + downvoted + other);
  return {
    ...bounds(day),
    pull_request_reviews: d.int(0, 30),
    comments,
    replies: replied,
    reactions: upvoted + downvoted + other,
    reaction_details: { upvotes: upvoted, downvotes: downvoted, other },
    comment_response_details: {
      engaged: Math.min(comments, reacted + replied),
      reacted,
      upvoted,
      downvoted,
      reacted_other: other,
      replied,
    },
  };
}
