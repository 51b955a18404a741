import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { hostileString, trickyStrings } from './hostile-values.ts';

/* The pieces of a hostile request other than its body: path segments, query pairs and headers. */

/** Strings a URL can carry: lone surrogates become U+FFFD, as any client encoding them would do. */
export const wellFormed = (value: string) => Buffer.from(value, 'utf8').toString('utf8');

/** Like the router: decode what decodes, keep the rest as sent. */
export function decodeLoosely(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch (error) {
    if (!(error instanceof URIError)) throw error;
    return raw.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch (inner) {
        if (!(inner instanceof URIError)) throw inner;
        return run;
      }
    });
  }
}

export interface Segment {
  raw: string;
  decoded: string;
  /** The segment is empty or a dot segment: the URL resolves to a different route. */
  reroutes: boolean;
}

const rawSegments = ['%00', '%zz', '%E0%A4%A', '%2F', '%252F', '%20', '+', '%u0041', "'%20OR%201=1--", 'a%2Fb', '%C0%AE%C0%AE', '..', '.', '%2e%2e', ''];

const boundedHostile = hostileString.filter((value) => value.length <= 100_001);

export function segmentArbitrary(validValues: readonly string[]): fc.Arbitrary<Segment> {
  const plain = (value: string): Segment => {
    const decoded = wellFormed(value);
    return { raw: encodeURIComponent(decoded), decoded, reroutes: decoded === '' };
  };
  return fc.oneof(
    { weight: 5, arbitrary: (validValues.length > 0 ? fc.oneof(fc.constantFrom(...validValues), fc.uuid()) : fc.uuid()).map(plain) },
    { weight: 3, arbitrary: boundedHostile.map(plain) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...rawSegments).map((raw) => ({
        raw,
        decoded: decodeLoosely(raw),
        reroutes: raw === '' || /^(\.|%2e){1,2}$/i.test(raw),
      })),
    },
  );
}

const cursorArbitrary = fc.oneof(
  fc.tuple(fc.oneof(boundedHostile, fc.date({ noInvalidDate: true }).map((d) => d.toISOString())), fc.oneof(boundedHostile, fc.uuid()))
    .map(([t, i]) => Buffer.from(JSON.stringify({ t, i })).toString('base64url')),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes).toString('base64url')),
  fc.constantFrom('null', '[]', '1', '{"t":1}', '{"__proto__":{"polluted":1}}').map((text) => Buffer.from(text).toString('base64url')),
  fc.constantFrom('!!!', '====', 'eyJ0Ijoi', '%', 'a'.repeat(501)),
);

export type QueryPairs = [string, string][];

export function queryArbitrary(knownKeys: string[], validPairs: fc.Arbitrary<QueryPairs>): fc.Arbitrary<QueryPairs> {
  const key = fc.constantFrom(...knownKeys, '__proto__', 'constructor', 'toString', 'unknown', '', 'limit[]', 'k'.repeat(2000));
  const value = fc.oneof(
    { weight: 4, arbitrary: boundedHostile },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: cursorArbitrary },
  );
  const pair = fc.tuple(key, value);
  return fc.oneof(
    { weight: 3, arbitrary: validPairs },
    { weight: 2, arbitrary: fc.array(pair, { maxLength: 6 }) },
    // Valid pairs plus one more: a repeated key, an unknown key or a broken value.
    { weight: 3, arbitrary: fc.tuple(validPairs, pair).map(([pairs, extra]) => [...pairs, extra]) },
    { weight: 1, arbitrary: validPairs.map((pairs) => [...pairs, ...pairs]) },
  );
}

export const queryString = (pairs: QueryPairs) =>
  pairs.length === 0 ? '' : `?${pairs.map(([k, v]) => `${encodeURIComponent(wellFormed(k))}=${encodeURIComponent(wellFormed(v))}`).join('&')}`;

/** The object the query validator sees: one string per key, an array for a repeated key. */
export function queryObject(pairs: QueryPairs): Record<string, string | string[]> {
  const grouped = new Map<string, string[]>();
  for (const [k, v] of pairs) grouped.set(wellFormed(k), [...(grouped.get(wellFormed(k)) ?? []), wellFormed(v)]);
  return Object.fromEntries([...grouped].map(([k, values]) => [k, values.length === 1 ? (values[0] ?? '') : values]));
}

/** Header values must be bytes without control characters, or the client refuses to send them. */
const headerSafe = (value: string) => /^[\x20-\x7e\x80-\xff]*$/.test(value);

export interface AuthHeader {
  value: string | undefined;
  valid: boolean;
}

export function authArbitrary(tokens: readonly string[]): fc.Arbitrary<AuthHeader> {
  const token = fc.constantFrom(...tokens);
  const valid = fc.oneof(
    token.map((t) => `Bearer ${t}`),
    token.map((t) => `bearer ${t}`),
    token.map((t) => `BEARER   ${t}`),
    token.map((t) => `Bearer\t${t}`),
  );
  const invalid = fc.oneof(
    fc.constant(undefined),
    fc.constantFrom('Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'Digest username="x"', 'Token abc', 'null', 'undefined', ', Bearer x'),
    token.map((t) => `Bearer ${t} extra`),
    token.map((t) => `Bearer ${t}x`),
    token.map((t) => `Bearer ${t.slice(0, -1)}`),
    token.map((t) => `Bearer ${t.toUpperCase()}`),
    token.map((t) => `Token ${t}`),
    token.map((t) => `Bearer ${t},Bearer ${t}`),
    fc.constant(`Bearer baton_${'0'.repeat(32)}_${'A'.repeat(43)}`),
    fc.constant(`Bearer ${'A'.repeat(16_000)}`),
    fc.string({ unit: 'binary-ascii', maxLength: 80 }).map((junk) => `Bearer ${junk}`).filter(headerSafe),
    boundedHostile.filter(headerSafe).filter((value) => value.length <= 20_000),
  );
  return fc.oneof(
    { weight: 6, arbitrary: valid.map((value) => ({ value, valid: true })) },
    { weight: 2, arbitrary: invalid.map((value) => ({ value, valid: false })) },
  );
}

export const contentTypeArbitrary = fc.oneof(
  { weight: 6, arbitrary: fc.constant('application/json') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      undefined,
      'application/json; charset=utf-8',
      'APPLICATION/JSON',
      'application/vnd.api+json',
      'application/json; charset=latin1',
      'text/plain',
      'text/json',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
      'application/jsonx',
      '',
      '*/*',
    ),
  },
);

export const lastEventIds = ['', '0', '5', '-1', 'abc', '1e3', '1.5', '99999999999999999999', '9007199254740991', '9007199254740992', ' 7 ', '0x10', 'NaN', 'Infinity', '1;2'];

export const extraHeadersArbitrary = fc.record(
  {
    'x-request-id': fc.oneof(fc.constantFrom(...trickyStrings), fc.constant('r'.repeat(5000))).filter(headerSafe),
    'x-padding': fc.constantFrom(1_000, 32_000).map((size) => 'p'.repeat(size)),
    'last-event-id': fc.constantFrom(...lastEventIds),
    accept: fc.constantFrom('text/event-stream', 'application/xml', '*/*', ''),
    origin: fc.constantFrom('chrome-extension://abcdefghijklmnop', 'https://evil.example', 'null', 'moz-extension://x y'),
    'x-forwarded-for': fc.constantFrom('127.0.0.1', "' OR 1=1", '::1, 10.0.0.1'),
  },
  { requiredKeys: [] },
);
