// The README's Docker section, run as written minus Docker: each `docker run` line is parsed, its `-v` mounts
// mapped to a host folder holding a simulator config, the catalog the README copies and (second time) the
// state, and the arguments after the image passed to the built connector. What the image adds (the same
// dist/main.js as ENTRYPOINT) is CI's part: .ci/run runs `spec` and `read` inside the image.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ofType, runConnector } from './helpers/protocol.js';
import { finalStates, harness, recordsOf, type Harness } from './helpers/sim.js';

const README = readFileSync('README.md', 'utf8');
const section = README.slice(README.indexOf('## Docker: check, discover and read'));
const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
const runs = block.split('\n').filter((l) => l.startsWith('docker run '));
const IMAGE = `${(parse(readFileSync('metadata.yaml', 'utf8')) as { data: { dockerRepository: string } }).data.dockerRepository}:dev`;

interface DockerRun {
  mounts: Map<string, string>;
  args: string[];
}

/** `docker run --rm -v "$PWD/secrets:/secrets:ro" IMAGE cmd args > file` → mounts and the image's args. */
function parseRun(line: string): DockerRun {
  const words = [...line.replace(/\s*>\s*\S+$/, '').matchAll(/"([^"]*)"|(\S+)/g)].map(
    (m) => m[1] ?? m[2] ?? '',
  );
  const image = words.indexOf(IMAGE);
  const mounts = new Map<string, string>();
  words.slice(0, image).forEach((w, i, all) => {
    if (w !== '-v') return;
    const [host = '', container = ''] = (all[i + 1] ?? '').split(':');
    mounts.set(container, host);
  });
  return { mounts, args: words.slice(image + 1) };
}

let h: Harness;
const secrets = () => join(h.dir, 'secrets');

/** The image's args with each mounted container path replaced by the host folder standing in for $PWD. */
function onHost(run: DockerRun): string[] {
  return run.args.map((a) => {
    for (const [container, host] of run.mounts)
      if (a.startsWith(`${container}/`)) return a.replace(container, host.replace('$PWD', h.dir));
    return a;
  });
}

beforeAll(async () => {
  // Dozens of requests in seconds: the 100-a-minute limit and the client budget have tests of their own.
  h = await harness({ users: 4, days: 8, rateLimitPerMinute: 1_000_000 });
  mkdirSync(secrets());
  writeFileSync(join(secrets(), 'config.json'), JSON.stringify(h.config({ max_requests_per_minute: 1000 })));
  // The README's `cp integration_tests/configured_catalog.json secrets/catalog.json`.
  copyFileSync('integration_tests/configured_catalog.json', join(secrets(), 'catalog.json'));
});
afterAll(() => h.close());

describe("the README's Docker commands", () => {
  it('has check, discover and read, each on the image that metadata.yaml names, with secrets/ mounted', () => {
    expect(runs.map((l) => parseRun(l).args[0])).toEqual(['spec', 'check', 'discover', 'read']);
    for (const line of runs.slice(1)) expect(parseRun(line).mounts.get('/secrets')).toBe('$PWD/secrets');
  });

  it("the docs page's Docker lines are the README's, so the runs below cover them too", () => {
    const docs = readFileSync('docs/integrations/sources/openai-codex.md', 'utf8');
    const lines = docs.split('\n').filter((l) => l.startsWith('docker run '));
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const line of lines) expect(runs).toContain(line);
  });

  it('check, with the mounted config, answers SUCCEEDED', async () => {
    const run = await runConnector(onHost(parseRun(runs[1] ?? '')));
    const status = ofType(run.messages, 'CONNECTION_STATUS')[0] as { connectionStatus: { status: string } };
    expect(status.connectionStatus.status).toBe('SUCCEEDED');
  });

  it('discover, with the mounted config, prints the catalog', async () => {
    const run = await runConnector(onHost(parseRun(runs[2] ?? '')));
    expect(run.code).toBe(0);
    expect(ofType(run.messages, 'CATALOG')).toHaveLength(1);
  });

  it('read, first without a state file then with the saved state, reads everything and then less', async () => {
    const args = onHost(parseRun(runs[3] ?? ''));
    const first = await runConnector(args);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/state\.json does not exist/);
    // The state saved as Airbyte stores it: the `state` of each stream's last STATE message.
    writeFileSync(join(secrets(), 'state.json'), JSON.stringify(finalStates(first)));
    const second = await runConnector(args);
    expect(second.code, second.stderr).toBe(0);
    expect(recordsOf(first).length).toBeGreaterThan(0);
    expect(recordsOf(second).length).toBeLessThan(recordsOf(first).length);
  }, 120_000);
});
