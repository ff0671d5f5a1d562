// What the image and the registry entry say about themselves: the final stage of the Dockerfile (labels,
// ENV, ENTRYPOINT) and metadata.yaml. Read by the spec suite (as CAT reads the built image) and by
// test/packaging.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export interface ImageFacts {
  baseImages: string[];
  labels: Record<string, string>;
  env: Record<string, string>;
  entrypoint: string[] | undefined;
}

const PAIR = /([^\s=]+)=("(?:[^"\\]|\\.)*"|'[^']*'|\S+)/g;
const unquote = (v: string) =>
  v.startsWith('"') ? (JSON.parse(v) as string) : v.startsWith("'") ? v.slice(1, -1) : v;

function pairs(text: string): [string, string][] {
  return [...text.matchAll(PAIR)].map((m) => [m[1] ?? '', unquote(m[2] ?? '')]);
}

/** Instructions of a Dockerfile, continuation lines joined and comments dropped. */
function instructions(text: string): { op: string; rest: string }[] {
  const logical = text
    .split('\n')
    .filter((l) => !/^\s*#/.test(l))
    .join('\n')
    .replace(/\\\n/g, ' ');
  return logical
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => {
      const op = l.split(/\s+/)[0] ?? '';
      return { op: op.toUpperCase(), rest: l.slice(op.length).trim() };
    });
}

export function readDockerfile(text: string): ImageFacts {
  const facts: ImageFacts = { baseImages: [], labels: {}, env: {}, entrypoint: undefined };
  for (const { op, rest } of instructions(text)) {
    if (op === 'FROM') {
      // A new stage: only the final stage's settings reach the image.
      facts.baseImages.push(rest.split(/\s+/).find((w) => !w.startsWith('--')) ?? '');
      Object.assign(facts, { labels: {}, env: {}, entrypoint: undefined });
    } else if (op === 'LABEL') {
      Object.assign(facts.labels, Object.fromEntries(pairs(rest)));
    } else if (op === 'ENV') {
      const legacy = /^([^\s=]+)\s+(.*)$/.exec(rest);
      if (!rest.includes('=') && legacy) facts.env[legacy[1] ?? ''] = legacy[2] ?? '';
      else Object.assign(facts.env, Object.fromEntries(pairs(rest)));
    } else if (op === 'ENTRYPOINT') {
      facts.entrypoint = rest.startsWith('[') ? (JSON.parse(rest) as string[]) : ['/bin/sh', '-c', rest];
    }
  }
  return facts;
}

export interface Metadata {
  dockerRepository?: string;
  dockerImageTag?: string;
  documentationUrl?: string;
  suggestedStreams?: { streams?: string[] };
  [key: string]: unknown;
}

export function readPackaging(root: string): { image: ImageFacts; metadata: Metadata; version: string } {
  const image = readDockerfile(readFileSync(join(root, 'Dockerfile'), 'utf8'));
  const doc = parse(readFileSync(join(root, 'metadata.yaml'), 'utf8')) as { data?: Metadata } | null;
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  return { image, metadata: doc?.data ?? {}, version: pkg.version };
}

/** CAT's label check: io.airbyte.name and io.airbyte.version equal metadata's dockerRepository and dockerImageTag. */
export function labelProblems(image: ImageFacts, metadata: Metadata): string[] {
  const want: [string, string | undefined][] = [
    ['io.airbyte.name', metadata.dockerRepository],
    ['io.airbyte.version', metadata.dockerImageTag],
  ];
  return want
    .filter(([label, value]) => value === undefined || image.labels[label] !== value)
    .map(
      ([label, value]) =>
        `LABEL ${label} is ${JSON.stringify(image.labels[label])}, metadata says ${JSON.stringify(value)}`,
    );
}

/** CAT's test_docker_env: ENV AIRBYTE_ENTRYPOINT is set and equals the ENTRYPOINT joined by spaces. */
export function entrypointProblems(image: ImageFacts): string[] {
  const joined = image.entrypoint?.join(' ');
  const env = image.env.AIRBYTE_ENTRYPOINT;
  if (!env) return ['ENV AIRBYTE_ENTRYPOINT is not set'];
  if (joined === undefined) return ['the final stage has no ENTRYPOINT'];
  return env === joined ? [] : [`ENV AIRBYTE_ENTRYPOINT is "${env}", the ENTRYPOINT joined is "${joined}"`];
}
