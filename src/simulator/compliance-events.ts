// One Compliance event from its coordinates (workspace, type, file index, line index): pure and
// deterministic, so any line of any file can be regenerated on demand without storing anything.
import { costEvent } from './compliance-costs.js';
import { endUsOf, type FileRef } from './compliance-files.js';
import { securityDetails } from './compliance-security.js';
import * as T from './compliance-text.js';
import { isoSeconds } from './compliance-time.js';
import { rngFor, type Rng } from './compliance-rng.js';
import { uuidFrom } from './random.js';
import type { SimContext } from './types.js';

export type EventDetails = Record<string, unknown>;

const CODEX_SUBTYPES = [
  'PROMPT_SENT',
  'PROMPT_RESPONSE_RECEIVED',
  'TOOL_CALL_COMPLETED',
  'TOOL_CALL_FAILED',
  'TOOL_DECISION',
  'SESSION_ARCHIVED',
] as const;

/** The event a file produces at line `line`, which must be one of its own (not a duplicated) lines. */
export function buildEvent(ctx: SimContext, ref: FileRef, line: number): Record<string, unknown> {
  const { seed } = ctx;
  // One stream per event; the draw order below is part of the data, so keep it stable.
  const r = rngFor(seed, 'event', ref.workspaceId, ref.eventType, ref.index, line);
  const eventId = r.uuid();
  if (ref.eventType === 'COSTS') {
    return costEvent(ctx, ref.workspaceId, eventId, timestampUs(ctx, ref, line), r);
  }
  const user = T.userOf(seed, ref.workspaceId, r.int(0, Math.max(1, ctx.options.users) - 1));
  const security = ref.eventType === 'CODEX_SECURITY_LOG';
  const auth = ref.eventType === 'AUTH_LOG';
  const [eventType, details] = security
    ? securityDetails(r, seed, ref)
    : auth
      ? authDetails(r)
      : codexDetails(r, seed, ref, line);
  const client = security || auth ? {} : { client_id: r.pick(T.CLIENTS) };
  if (ctx.options.eventPaddingBytes > 0) details.padding = T.filler(ctx.options.eventPaddingBytes);
  return {
    event_id: eventId,
    type: ref.eventType,
    timestamp: isoSeconds(timestampUs(ctx, ref, line)),
    principal: { id: ref.workspaceId, type: 'CHATGPT_WORKSPACE' },
    actor: { type: 'ACCOUNT_USER', ...user },
    event_type: eventType,
    ...client,
    workspace_id: ref.workspaceId,
    event_details: details,
  };
}

/** Own events spread evenly between the previous file's end_time and this file's, so all precede it. */
function timestampUs(ctx: SimContext, ref: FileRef, line: number): number {
  const end = endUsOf(ctx, ref);
  const start = ref.index > 0 ? endUsOf(ctx, { ...ref, index: ref.index - 1 }) : end - 1;
  const slots = ctx.options.eventsPerFile + 1;
  return start + Math.floor(((end - start) * (line + 1)) / slots);
}

function codexDetails(r: Rng, seed: number, ref: FileRef, line: number): [string, EventDetails] {
  const subtype = r.pick(CODEX_SUBTYPES);
  // Six consecutive lines share a session, so sessions read as prompt, tools, response.
  const session = { session_id: uuidFrom(seed, 'session', ref.workspaceId, ref.index, Math.floor(line / 6)) };
  if (subtype === 'SESSION_ARCHIVED') return [subtype, session];
  const turn = { ...session, turn_id: r.uuid(), model: r.pick(T.MODELS) };
  switch (subtype) {
    case 'PROMPT_SENT':
      return [subtype, { ...turn, prompt_text: `${r.pick(T.PROMPTS)} (#${r.int(1, 9999)})` }];
    case 'PROMPT_RESPONSE_RECEIVED':
      return [subtype, { ...turn, response_text: r.pick(T.RESPONSES), ...usage(r) }];
    default:
      return [subtype, { ...turn, ...toolCall(r, subtype) }];
  }
}

/** AUTH_LOG: a type this connector does not model, for a user who opts in to it. */
function authDetails(r: Rng): [string, EventDetails] {
  const outcome = r.pick(['LOGIN_SUCCEEDED', 'LOGIN_SUCCEEDED', 'LOGIN_FAILED'] as const);
  return [
    outcome,
    { method: r.pick(['sso', 'password', 'passkey']), ip_address: `203.0.113.${r.int(1, 254)}` },
  ];
}

function usage(r: Rng): EventDetails {
  const input = r.int(10, 100_000);
  return {
    status: 'completed',
    token_usage: {
      input_tokens: input,
      cached_input_tokens: r.int(0, input),
      output_tokens: r.int(10, 5000),
      reasoning_output_tokens: r.int(0, 2000),
    },
  };
}

function toolCall(r: Rng, subtype: string): EventDetails {
  const call = { tool_name: r.pick(T.TOOLS), tool_input: r.pick(T.TOOL_INPUTS) };
  if (subtype === 'TOOL_DECISION')
    return { ...call, decision: r.pick(['approved', 'denied', 'auto_approved']) };
  if (subtype === 'TOOL_CALL_FAILED') {
    return { ...call, status: 'failed', tool_output: 'exit code 1\nError: ENOENT "missing.json" 💥' };
  }
  return { ...call, status: 'completed', tool_output: r.pick(T.TOOL_OUTPUTS) };
}
