// Word pools for generated Compliance content. Several entries carry what breaks naive JSON Lines
// handling downstream: U+2028 / U+2029 (valid raw inside JSON strings, but line breaks to some parsers),
// emoji beyond the BMP, quotes, backslashes and control characters that JSON must escape.
import { memoize } from './compliance-rng.js';
import { idFrom, pick } from './random.js';

export const PROMPTS = [
  'Fix the failing test in src/billing/invoice.test.ts',
  'Refactor the "payments" module; keep the public API stable',
  'Summarise this diff\u2028then list the risky parts\u2029and propose tests',
  'Ship it 🚀 and add 🧪 tests for the edge cases 👩‍💻',
  'Why does `JSON.parse("{\\"a\\": 1}")` fail in the worker?',
  'Rename getUser → fetchUser across the repo (naïve café, 日本語)',
  'Tabs\tand\nnewlines inside a prompt should survive',
  "Don't touch the migrations folder",
] as const;

export const RESPONSES = [
  'Done: updated 3 files and the tests pass.',
  'I changed `invoice.ts` to round half-even.\u2028See the diff below.',
  'The worker receives a pre-parsed object, so "JSON.parse" sees [object Object] 🙃',
  'Paragraph one.\u2029Paragraph two, with a quote: "ok".',
  'Could not reproduce; the test is flaky under load ⏱️',
] as const;

export const TOOLS = [
  'shell',
  'apply_patch',
  'read_file',
  'web_search',
  'mcp__github__create_pull_request',
] as const;
export const TOOL_INPUTS = [
  '{"command":["bash","-lc","npm test -- --run"]}',
  '*** Begin Patch\n*** Update File: src/a.ts\n-const x = 1;\n+const x = 2;\n*** End Patch',
  '{"path":"README.md"}',
  '{"query":"node 20 stream backpressure \\"drain\\""}',
] as const;
export const TOOL_OUTPUTS = [
  'exit code 0\n42 passed',
  'Success. Updated the following files:\nM src/a.ts',
  '# Title\u2028…',
];
export const MODELS = ['gpt-5-codex', 'gpt-5.1-codex', 'gpt-5.1-codex-max', 'gpt-5.5'] as const;
export const CLIENTS = [
  'CODEX_CLI',
  'CODEX_WEB',
  'CODEX_IDE_VSCODE',
  'CODEX_DESKTOP_APP',
  'CODEX_GITHUB',
] as const;
export const REPOSITORIES = [
  'acme/web-app',
  'acme/payments',
  'acme/infra',
  'acme/mobile-ios',
  'acme/data-pipelines',
];
const PEOPLE = ['eng', 'ana.silva', 'li.wei', "o'brien", 'zoë.müller', 'r.patel', 'sam'] as const;

export interface SimUser {
  user_id: string;
  /** Absent for some users: workspaces may withhold emails. */
  user_email?: string;
}

/** User `n` of a workspace; one in five has no email. */
export const userOf = memoize(
  (seed: number, workspaceId: string, n: number) => `${seed}|${workspaceId}|${n}`,
  (seed: number, workspaceId: string, n: number): SimUser => {
    const user_id = idFrom('user-', seed, 'user', workspaceId, n);
    if (n % 5 === 4) return { user_id };
    return { user_id, user_email: `${pick(seed, PEOPLE, 'person', workspaceId, n)}${n}@example.com` };
  },
);

let fillerCache = '';

/** `bytes` ASCII characters of filler, for benchmark-sized files. Cached: every event uses the same size. */
export function filler(bytes: number): string {
  if (fillerCache.length !== bytes) {
    const unit = 'lorem ipsum dolor sit amet consectetur ';
    fillerCache = unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
  }
  return fillerCache;
}
