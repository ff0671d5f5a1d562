// discovery: exactly one non-empty CATALOG with unique names; every schema valid draft-07 without $ref,
// allOf or not, additionalProperties true; cursors and primary keys exist and keys are scalar.
import type { TestEntry } from '../cat-config.js';
import { describeRun, type RunResult } from '../connector.js';
import { catalogStreams, discover, protocolCheck, type RunContext } from '../context.js';
import { draft7Problems, fieldAt, keywordUses, typesOf } from '../json-schema.js';
import { ofType, type AirbyteStream } from '../messages.js';
import { fail, noProblems, pass, runChecks, skip, type Check, type Result } from '../results.js';
import { additionalPropertiesTrue, noRefs } from '../spec-rules.js';

interface DiscoveryInput {
  run: RunResult;
  streams: AirbyteStream[];
  validatePkTypes: boolean;
}

const perStream = (name: string, fn: (s: AirbyteStream) => string[]): Check<DiscoveryInput> => ({
  name,
  run: (i) => noProblems(i.streams.flatMap((s) => fn(s).map((p) => `${s.name}: ${p}`))),
});

const missingFields = (s: AirbyteStream, paths: readonly string[][]) =>
  paths
    .filter((p) => fieldAt(s.json_schema, p) === undefined)
    .map((p) => `\`${p.join('.')}\` is not in properties`);

export function discoveryChecks(ctx: RunContext): Check<DiscoveryInput>[] {
  return [
    {
      name: 'one_catalog',
      run: (i) => {
        const n = ofType(i.run.messages, 'CATALOG').length;
        if (n !== 1) return fail(`${n} CATALOG messages; ${describeRun(i.run)}`);
        return i.streams.length > 0
          ? pass(`${i.streams.length} streams`)
          : fail('the catalog has no streams');
      },
    },
    {
      name: 'unique_stream_names',
      run: (i) => {
        const names = i.streams.map((s) => s.name);
        const dupes = names.filter((n, k) => names.indexOf(n) !== k);
        return noProblems(dupes.map((d) => `\`${d}\` appears twice`));
      },
    },
    perStream('schemas_valid_draft7', (s) => draft7Problems(s.json_schema)),
    perStream('no_refs', (s) => noRefs(s.json_schema)),
    perStream('no_allof_or_not', (s) =>
      ['allOf', 'not'].flatMap((kw) =>
        keywordUses(s.json_schema, kw).map((n) => `uses ${kw} at /${n.path.join('/')}`),
      ),
    ),
    perStream('additional_properties_true', (s) => additionalPropertiesTrue(s.json_schema)),
    perStream('cursor_fields_in_schema', (s) =>
      missingFields(s, s.default_cursor_field?.length ? [s.default_cursor_field] : []),
    ),
    perStream('primary_keys_in_schema', (s) => missingFields(s, s.source_defined_primary_key ?? [])),
    {
      name: 'primary_key_types',
      run: (i) =>
        i.validatePkTypes
          ? noProblems(
              i.streams.flatMap((s) =>
                (s.source_defined_primary_key ?? [])
                  .filter((p) =>
                    typesOf(fieldAt(s.json_schema, p)).some((t) => t === 'object' || t === 'array'),
                  )
                  .map((p) => `${s.name}: primary key \`${p.join('.')}\` is an object or array`),
              ),
            )
          : skip('validate_primary_keys_data_type is false'),
    },
    perStream('supported_sync_modes', (s) =>
      (s.supported_sync_modes ?? []).length > 0 ? [] : ['supported_sync_modes is empty'],
    ),
    protocolCheck(ctx, (i) => i.run),
  ];
}

export async function runDiscovery(ctx: RunContext, test: TestEntry, prefix: string): Promise<Result[]> {
  const run = await discover(ctx, test);
  const input = {
    run,
    streams: catalogStreams(run),
    validatePkTypes: test.validate_primary_keys_data_type !== false,
  };
  return runChecks(prefix, discoveryChecks(ctx), input);
}
