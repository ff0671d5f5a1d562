// spec: one SPEC message whose connectionSpecification is sound JSON Schema that the UI can render, that the
// test config satisfies, and an image whose labels and AIRBYTE_ENTRYPOINT match metadata.yaml.
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { resolvePath, type TestEntry } from '../cat-config.js';
import { describeRun, type RunResult } from '../connector.js';
import { configPathOf, protocolCheck, timeoutOf, type RunContext } from '../context.js';
import { compile, draft7Problems, errorsOf } from '../json-schema.js';
import { deepEqual, ofType, type Json } from '../messages.js';
import { entrypointProblems, labelProblems, readPackaging } from '../packaging.js';
import {
  fail,
  noProblems,
  pass,
  runChecks,
  skip,
  type Check,
  type Outcome,
  type Result,
} from '../results.js';
import * as rules from '../spec-rules.js';

interface SpecInput {
  run: RunResult;
  spec: Json | undefined;
  connectionSpecification: Json;
  config: Json;
  /** The expected spec from spec_path, when that file exists. */
  expected: unknown;
  root: string;
}

const rule = (name: string, fn: (schema: Json) => string[]): Check<SpecInput> => ({
  name,
  run: (i) => noProblems(fn(i.connectionSpecification)),
});

export function specChecks(ctx: RunContext): Check<SpecInput>[] {
  return [
    {
      name: 'one_spec_message',
      run: (i) => {
        const n = ofType(i.run.messages, 'SPEC').length;
        return n === 1 ? pass() : fail(`${n} SPEC messages; ${describeRun(i.run)}`);
      },
    },
    rule('valid_json_schema', draft7Problems),
    {
      name: 'config_matches_spec',
      run: (i): Outcome => {
        // CAT drops technical keys that start with an underscore before validating.
        const config = Object.fromEntries(Object.entries(i.config).filter(([k]) => !k.startsWith('_')));
        const validate = compile(i.connectionSpecification);
        return validate(config) ? pass() : fail(errorsOf(validate).join('; '));
      },
    },
    {
      name: 'matches_spec_file',
      run: (i) =>
        i.expected === undefined
          ? skip('no spec file at spec_path (CAT skips this check too)')
          : deepEqual(i.spec, i.expected)
            ? pass()
            : fail('the SPEC differs from the spec_path file'),
    },
    rule('enum_values_unique', rules.enumsUnique),
    rule('one_of_discriminator', rules.oneOfUsage),
    rule('secrets_marked', rules.secretsMarked),
    rule('property_types', rules.propertyTypes),
    rule('objects_have_properties', rules.objectsHaveProperties),
    rule('array_items', rules.arrayItems),
    rule('no_forbidden_keywords', rules.forbiddenKeywords),
    rule('no_refs', rules.noRefs),
    rule('unique_order', rules.uniqueOrder),
    rule('additional_properties_true', rules.additionalPropertiesTrue),
    {
      name: 'image_labels_match_metadata',
      run: (i) => {
        const { image, metadata } = readPackaging(i.root);
        return noProblems(
          labelProblems(image, metadata),
          `${metadata.dockerRepository}:${metadata.dockerImageTag}`,
        );
      },
    },
    {
      name: 'airbyte_entrypoint_env',
      run: (i) => noProblems(entrypointProblems(readPackaging(i.root).image)),
    },
    {
      name: 'documentation_url_matches_metadata',
      run: (i) => {
        const url = readPackaging(i.root).metadata.documentationUrl;
        return i.spec?.documentationUrl === url
          ? pass()
          : fail(`SPEC says ${String(i.spec?.documentationUrl)}, metadata ${String(url)}`);
      },
    },
    protocolCheck(ctx, (i) => i.run),
  ];
}

export async function runSpec(ctx: RunContext, test: TestEntry, prefix: string): Promise<Result[]> {
  const run = await ctx.connector.spec(timeoutOf(ctx, test));
  const spec = ofType(run.messages, 'SPEC').at(0)?.spec as Json | undefined;
  const specPath = resolvePath(ctx.cat, test.spec_path ?? 'secrets/spec.json');
  const input: SpecInput = {
    run,
    spec,
    connectionSpecification: (spec?.connectionSpecification ?? {}) as Json,
    config: JSON.parse(readFileSync(configPathOf(ctx, test), 'utf8')) as Json,
    // CAT reads spec_path as the spec object itself (JSON or YAML), not a SPEC message.
    expected: existsSync(specPath) ? (parse(readFileSync(specPath, 'utf8')) as unknown) : undefined,
    root: ctx.cat.root,
  };
  return runChecks(prefix, specChecks(ctx), input);
}
