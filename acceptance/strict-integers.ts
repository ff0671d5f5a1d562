// CAT validates records with Python's json and a strict `integer` type: `1.0` and `1e3` parse as floats and
// are not integers. JSON.parse erases that difference, so this reads number literals from the raw line.
import type { Json } from './messages.js';

const LITERAL = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
const WHITESPACE = /[ \t\n\r]*/y;

/** Paths of the number literals written with a fraction or exponent, in a line that is valid JSON. */
export function floatLiteralPaths(text: string): string[][] {
  const found: string[][] = [];
  const path: string[] = [];
  let i = 0;
  const skipWs = () => {
    WHITESPACE.lastIndex = i;
    WHITESPACE.exec(text);
    i = WHITESPACE.lastIndex;
  };
  const string = (): string => {
    const start = i++;
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i += 1;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (): void => {
    skipWs();
    const c = text[i];
    if (c === '"') return void string();
    if (c === '{' || c === '[') return container(c === '{');
    LITERAL.lastIndex = i;
    const m = LITERAL.exec(text);
    if (m === null) throw new Error(`not JSON at ${i}`);
    if (/[.eE]/.test(m[0]) && /\d/.test(m[0])) found.push([...path]);
    i = LITERAL.lastIndex;
  };
  const container = (object: boolean): void => {
    i += 1;
    skipWs();
    if (text[i] === (object ? '}' : ']')) return void (i += 1);
    for (let index = 0; ; index += 1) {
      skipWs();
      let key = String(index);
      if (object) {
        key = string();
        skipWs();
        i += 1; // ':'
      }
      path.push(key);
      value();
      path.pop();
      skipWs();
      if (text[i++] !== ',') return;
    }
  };
  value();
  return found;
}

/** The sub-schema at a data path, following properties and items; undefined where nothing constrains it. */
function schemaAt(schema: Json, path: readonly string[]): Json | undefined {
  let node: Json | undefined = schema;
  for (const key of path) {
    if (node === undefined) return undefined;
    const items: unknown = node.items;
    const properties = node.properties as Record<string, Json> | undefined;
    node =
      /^\d+$/.test(key) && typeof items === 'object' && items !== null ? (items as Json) : properties?.[key];
  }
  return node;
}

/** Integer-typed fields written as `1.0` or `1e3` in a RECORD line: the errors CAT would report. */
export function strictIntegerErrors(rawLine: string, schema: Json): string[] {
  if (!/\d[.eE]/.test(rawLine)) return [];
  return floatLiteralPaths(rawLine)
    .filter((p) => p[0] === 'record' && p[1] === 'data')
    .flatMap((p) => {
      const type = schemaAt(schema, p.slice(2))?.type;
      const types = Array.isArray(type) ? type : [type];
      return types.includes('integer') && !types.includes('number')
        ? [`/${p.slice(2).join('/')} is written as a float where the schema says integer`]
        : [];
    });
}
