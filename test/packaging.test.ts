// The facts that live in two places stay equal: version (package.json, metadata.yaml, the image label), image
// name (metadata, label), the entrypoint (ENTRYPOINT, AIRBYTE_ENTRYPOINT) and the suggested streams.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { entrypointProblems, labelProblems, readDockerfile, readPackaging } from '../acceptance/packaging.js';
import { STREAMS } from '../src/streams.js';

const { image, metadata, version } = readPackaging('.');

describe('packaging', () => {
  it('keeps package.json version, metadata dockerImageTag and the io.airbyte.version label equal', () => {
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(metadata.dockerImageTag).toBe(version);
    expect(image.labels['io.airbyte.version']).toBe(version);
  });

  it('labels the image io.airbyte.name = dockerRepository, a name with a namespace', () => {
    expect(metadata.dockerRepository).toMatch(/^[a-z0-9-]+\/source-openai-codex$/);
    expect(image.labels['io.airbyte.name']).toBe(metadata.dockerRepository);
    expect(labelProblems(image, metadata)).toEqual([]);
  });

  it('sets AIRBYTE_ENTRYPOINT to the ENTRYPOINT joined by spaces', () => {
    expect(image.entrypoint?.length).toBeGreaterThan(0);
    expect(image.env.AIRBYTE_ENTRYPOINT).toBe(image.entrypoint?.join(' '));
    expect(entrypointProblems(image)).toEqual([]);
  });

  it('suggests exactly the streams whose row says suggested: true', () => {
    const suggested = STREAMS.filter((s) => s.suggested).map((s) => s.name);
    expect(suggested.length).toBeGreaterThan(0);
    expect(metadata.suggestedStreams?.streams).toEqual(suggested);
  });

  it('builds from node:<major>-<codename>-slim and runs the bundles as the node user, installing nothing', () => {
    const dockerfile = readFileSync('Dockerfile', 'utf8');
    expect(image.baseImages.every((b) => /^node:\d+-(bookworm|trixie)-slim$/.test(b))).toBe(true);
    const finalStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(finalStage).toMatch(/^USER node$/m);
    expect(finalStage).toMatch(/^COPY --from=build \/build\/dist \.\/dist$/m);
    expect(finalStage).not.toMatch(/npm (ci|install)/);
    // Everything the bundles need is inside them, so nothing may be left to install at run time.
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies?: object };
    expect(Object.keys(pkg.dependencies ?? {})).toEqual([]);
  });

  it('keeps the metadata fields Airbyte requires', () => {
    const doc = parse(readFileSync('metadata.yaml', 'utf8')) as { metadataSpecVersion: unknown };
    expect(doc.metadataSpecVersion).toBe('1.0');
    expect(metadata).toMatchObject({
      name: 'OpenAI Codex',
      connectorType: 'source',
      connectorSubtype: 'api',
      license: 'MIT',
      allowedHosts: { hosts: ['api.chatgpt.com', 'api.openai.com', '*'] },
    });
    expect(metadata.definitionId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect((metadata.tags as string[]).includes('language:typescript')).toBe(true);
  });
});

describe('reading a Dockerfile', () => {
  it('takes labels, ENV and ENTRYPOINT from the final stage only, in every syntax', () => {
    const facts = readDockerfile(
      [
        'FROM node:24-bookworm-slim AS build',
        'LABEL io.airbyte.name=wrong',
        'FROM node:24-bookworm-slim',
        '# a comment',
        'ENV A="x y" B=z',
        'ENV LEGACY some value',
        'LABEL io.airbyte.name="ns/img" \\',
        '      io.airbyte.version=1.2.3',
        'ENTRYPOINT ["node", "/app/main.js"]',
      ].join('\n'),
    );
    expect(facts.baseImages).toEqual(['node:24-bookworm-slim', 'node:24-bookworm-slim']);
    expect(facts.labels).toEqual({ 'io.airbyte.name': 'ns/img', 'io.airbyte.version': '1.2.3' });
    expect(facts.env).toEqual({ A: 'x y', B: 'z', LEGACY: 'some value' });
    expect(facts.entrypoint).toEqual(['node', '/app/main.js']);
    expect(entrypointProblems(facts)).toEqual(['ENV AIRBYTE_ENTRYPOINT is not set']);
  });
});
