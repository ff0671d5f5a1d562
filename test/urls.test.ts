// Every URL a user is sent to, in the spec, metadata.yaml and the docs, either points into this repository
// (at a file that exists) or at a host on the list below: no link to a page that does not exist, and no
// link to a host nobody vetted. The repository URL is declared once, in package.json `repository`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DOCS_PAGE, documentationUrl, specMessage } from '../src/protocol/spec.js';

const PKG = JSON.parse(readFileSync('package.json', 'utf8')) as { repository: { url: string } };
const REPO = PKG.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

/** Public hosts a doc may send people to, and why each is trusted. */
const KNOWN_HOSTS: Record<string, string> = {
  'airbyte.com': 'Airbyte, the platform this is a source for',
  'docs.airbyte.com': "Airbyte's documentation",
  'api.chatgpt.com': 'the Codex Analytics and Compliance API (the default api_base_url)',
  'api.openai.com': 'the OpenAI Admin API (the default admin_api_base_url)',
  'platform.openai.com': 'where Admin keys are created',
  'json-schema.org': 'the JSON Schema draft the spec declares',
  'keepachangelog.com': "the changelog's format",
  'semver.org': 'the versioning scheme',
  'api.example.com': 'RFC 2606 example domain, in an error message',
  '127.0.0.1': 'the simulator on loopback',
  localhost: 'the simulator on loopback',
};
const KNOWN_PREFIXES = ['https://github.com/MeltanoLabs/tap-airbyte-wrapper'];

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? markdownFiles(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : [],
  );
}

const FILES = [
  'README.md',
  'CHANGELOG.md',
  'metadata.yaml',
  'Dockerfile',
  'acceptance/README.md',
  'integration_tests/README.md',
  'meltano/meltano.yml',
  'meltano/meltano-airbyte-wrapper.yml',
  ...markdownFiles('docs'),
];
const urlsIn = (text: string) => [...text.matchAll(/https?:\/\/[^\s)`'"<>\]]+/g)].map((m) => m[0]);
const SOURCES: [string, string[]][] = [
  ['the SPEC message', urlsIn(JSON.stringify(specMessage()))],
  ...FILES.map((f): [string, string[]] => [f, urlsIn(readFileSync(f, 'utf8'))]),
];

function problem(url: string): string | undefined {
  if (url === REPO || url === `${REPO}.git`) return undefined;
  const inRepo = /^\/(?:blob|tree)\/main\/([^#?]+)/.exec(url.startsWith(REPO) ? url.slice(REPO.length) : '');
  if (inRepo) return existsSync(inRepo[1] ?? '') ? undefined : `${url}: no such file in this repository`;
  if (KNOWN_PREFIXES.some((p) => url.startsWith(p))) return undefined;
  const host = new URL(url.replace(/[.,:;]+$/, '')).hostname;
  return host in KNOWN_HOSTS ? undefined : `${url}: host ${host} is not on the known-good list`;
}

describe('URLs in the spec, metadata and docs', () => {
  it('the SPEC and metadata.yaml documentationUrl is the docs page in this repository, and it exists', () => {
    const metadata = parse(readFileSync('metadata.yaml', 'utf8')) as { data: { documentationUrl: string } };
    expect(documentationUrl()).toBe(`${REPO}/blob/main/${DOCS_PAGE}`);
    expect(specMessage().spec.documentationUrl).toBe(documentationUrl());
    expect(metadata.data.documentationUrl).toBe(documentationUrl());
    expect(existsSync(DOCS_PAGE)).toBe(true);
  });

  it.each(SOURCES)('%s links only into this repository or to known-good hosts', (_name, urls) => {
    expect(urls.map(problem).filter(Boolean)).toEqual([]);
  });

  it('a host not on the list, or a repository link to a missing file, is caught', () => {
    expect(problem('https://docs.airbyte.com/integrations/sources/openai-codex')).toBeUndefined();
    expect(problem('https://evil.example.net/x')).toMatch(/not on the known-good list/);
    expect(problem(`${REPO}/blob/main/docs/missing.md`)).toMatch(/no such file/);
  });

  it.each(FILES.filter((f) => f.endsWith('.md')))('%s: every relative link names a file that exists', (f) => {
    const text = readFileSync(f, 'utf8');
    const missing = [...text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)]
      .map((m) => m[1] ?? '')
      .filter((link) => !/^[a-z]+:/.test(link))
      .filter((link) => !existsSync(join(dirname(f), link)));
    expect(missing).toEqual([]);
  });
});
