// Validates messages against the Airbyte protocol's own JSON schema (the repository's copy in
// test/fixtures/airbyte_protocol.yaml), so "nothing but protocol messages on stdout" is checked, not assumed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import type { RunResult } from './connector.js';
import { makeAjv } from './json-schema.js';

const validators = new Map<string, ValidateFunction>();

function validator(root: string): ValidateFunction {
  let validate = validators.get(root);
  if (validate === undefined) {
    const protocol = parse(readFileSync(join(root, 'test/fixtures/airbyte_protocol.yaml'), 'utf8')) as object;
    const ajv = makeAjv();
    ajv.addSchema({ ...protocol, $id: 'airbyte_protocol' });
    validate = ajv.compile({ $ref: 'airbyte_protocol#/definitions/AirbyteMessage' });
    validators.set(root, validate);
  }
  return validate;
}

/** One problem per line of stdout that is not a valid Airbyte message (as Python's splitlines cuts them). */
export function protocolProblems(root: string, run: RunResult): string[] {
  const validate = validator(root);
  const problems = run.unparsable.map((line) => `not JSON: ${JSON.stringify(line.slice(0, 120))}`);
  for (const message of run.messages as unknown[]) {
    if (!validate(message)) {
      const e = validate.errors?.[0];
      problems.push(
        `${String((message as { type?: unknown }).type)} message ${e?.instancePath ?? ''} ${e?.message ?? 'is invalid'}`,
      );
    }
  }
  return problems;
}
