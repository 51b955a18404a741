import fc from 'fast-check';

/* What an attacker, a buggy client or a corrupted outbox sends instead of what the API expects. */

const hugeLengths = [201, 501, 2001, 5001, 100_001, 1_000_000];

export const hugeString = fc
  .tuple(fc.constantFrom(...hugeLengths), fc.constantFrom('x', 'é', '💥', ' ', '\u0000'))
  .map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length)));

/** Strings that look like something they are not, or that databases and parsers choke on. */
export const trickyStrings = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  'Jordan\u0000Lee',
  '\ud800',
  'lone \udfff surrogate',
  '\uffff\ufffe',
  '\u202eevil\u202c',
  'zero\u200bwidth',
  '\ufeff{}',
  '💥'.repeat(50),
  "' OR 1=1 --",
  "'; drop table contacts; --",
  '"; select pg_sleep(10); --',
  '%00',
  '%',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  'null',
  'undefined',
  'true',
  '0',
  '-1',
  '1.5',
  '1e309',
  '-0',
  'NaN',
  'Infinity',
  '0x1F',
  ' 42 ',
  '9'.repeat(40),
  'me',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '00000000-0000-0000-0000-00000000000g',
  '{00000000-0000-4000-8000-000000000000}',
  '00000000000040008000000000000000',
  '2024-02-30T00:00:00Z',
  '2024-13-01T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '2024-01-01T00:00:00+25:00',
  '2024-01-01',
  'a@b',
  'not-an-email',
  'javascript:alert(1)',
  'https://www.linkedin.com/company/acme',
  'https://www.linkedin.com/in/%00',
  '__proto__',
  'constructor',
  'prototype',
];

export const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...trickyStrings) },
  { weight: 1, arbitrary: hugeString },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.uuid().map((id) => id.toUpperCase()) },
);

/** An array or object nested `depth` times, ending in a string. */
export const deeplyNested = (depth: number, asObject: boolean): unknown => {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level += 1) value = asObject ? { a: value } : [value];
  return value;
};

/** Valid JSON nested `depth` deep, written out directly (stringifying it would need that much stack). */
export const deepJsonTexts = (depth: number): string[] => [
  `${'['.repeat(depth)}${']'.repeat(depth)}`,
  `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
  `{"activities":${'['.repeat(depth)}${']'.repeat(depth)},"required":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)},"emails":${'['.repeat(depth)}${']'.repeat(depth)}}`,
];

/** An object carrying prototype-pollution keys as its own properties (as JSON.parse makes them). */
export const pollutingObject = (): Record<string, unknown> =>
  JSON.parse('{"__proto__":{"polluted":"yes","isAdmin":true},"constructor":{"prototype":{"polluted":"yes"}}}') as Record<string, unknown>;

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, -(2 ** 63), [], {}, [null], ['x'], { '': '' }),
  },
  { weight: 1, arbitrary: fc.constantFrom(64, 1_000).chain((depth) => fc.boolean().map((asObject) => deeplyNested(depth, asObject))) },
  { weight: 1, arbitrary: fc.constant(null).map(pollutingObject) },
  { weight: 1, arbitrary: fc.array(fc.constant('x'), { minLength: 501, maxLength: 501 }) },
);

/** Texts that are not JSON at all, or not quite. */
export const malformedJson = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '{',
    '}',
    '{"a":',
    '{"a":1,}',
    "{'a':1}",
    '{a:1}',
    '[1,2',
    'NaN',
    'undefined',
    '{"a":1}{"b":2}',
    '\ufeff{}',
    '{"a":"\\u00"}',
    '{"a":"\\x41"}',
    '\u0000',
    '{"a":1} trailing',
    '[]]',
    '{"__proto__":',
  ),
  fc.string({ unit: 'binary', maxLength: 80 }).filter((text) => !isJson(text)),
  fc.constantFrom(2_000, 100_000).map((depth) => '['.repeat(depth)),
);

export const wrongTopLevel = fc.constantFrom<unknown>(null, true, 0, -1, 'a string', [], [{}], ['activities'], 1e308);

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch (error) {
    if (error instanceof SyntaxError) return false;
    throw error;
  }
}

type Path = (string | number)[];

/** Every place in a JSON value where another value can be put, the root included. */
export function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const here = [prefix];
  if (Array.isArray(value)) return here.concat(...value.map((item, index) => pathsOf(item, [...prefix, index])));
  if (value !== null && typeof value === 'object') {
    return here.concat(...Object.entries(value).map(([key, item]) => pathsOf(item, [...prefix, key])));
  }
  return here;
}

/** A copy of `value` with the thing at `path` replaced (or, with `remove`, deleted). */
export function replaceAt(value: unknown, path: Path, replacement: unknown, remove = false): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string | number, ...Path];
  if (Array.isArray(value)) {
    const copy = [...value];
    if (remove && rest.length === 0) copy.splice(Number(head), 1);
    else copy[Number(head)] = replaceAt(copy[Number(head)], rest, replacement, remove);
    return copy;
  }
  const copy = Object.assign(Object.create(null) as Record<string, unknown>, value);
  if (remove && rest.length === 0) delete copy[head];
  else Object.defineProperty(copy, head, { value: replaceAt(copy[head], rest, replacement, remove), enumerable: true, writable: true, configurable: true });
  return { ...copy };
}

/** A valid-looking value with exactly one field broken, dropped or joined by a stray key. */
export const mutated = (valid: fc.Arbitrary<unknown>) =>
  fc
    .tuple(valid, fc.nat(), hostileValue, fc.constantFrom('replace', 'remove', 'extra'), fc.constantFrom('extra', '__proto__', 'constructor', 'id', 'orgId', ''))
    .map(([value, pick, replacement, how, key]) => {
      const paths = pathsOf(value);
      const path = paths[pick % paths.length] ?? [];
      if (how === 'extra') {
        const target = path.length === 0 ? value : undefined;
        if (target !== null && typeof target === 'object' && !Array.isArray(target)) return replaceAt(value, [key], replacement);
        return replaceAt(value, path, replacement);
      }
      return replaceAt(value, path, replacement, how === 'remove' && path.length > 0);
    });
