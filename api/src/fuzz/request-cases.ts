import fc from 'fast-check';
import type { Endpoint } from '@baton/shared/api';
import { deepJsonTexts, malformedJson, mutated, pollutingObject, wrongTopLevel, hostileValue } from './hostile-values.ts';
import {
  authArbitrary,
  contentTypeArbitrary,
  extraHeadersArbitrary,
  queryArbitrary,
  queryObject,
  queryString,
  segmentArbitrary,
  type QueryPairs,
  type Segment,
} from './request-parts.ts';
import { arbitraryFromJsonSchema, type JsonSchema } from './schema-arbitrary.ts';

/* One generated request against one route, with what the API must make of it. */

export interface FuzzRoute {
  method: string;
  /** Hono's path syntax, as in `app.routes`. */
  path: string;
  /** The route's contract: whether a request is valid is decided by its schemas. */
  doc: Endpoint | undefined;
  /** The route's operation in the generated OpenAPI document: the inputs are drawn from it. */
  operation: { body?: JsonSchema; query?: JsonSchema } | undefined;
  /** Checks the contract cannot express: headers read outside its schemas. */
  rules?: RouteRules;
}

export interface RouteRules {
  /** True when the request's headers and query satisfy what the route reads outside its schemas. */
  extra?: (request: { headers: Record<string, string>; query: Record<string, string | string[]> }) => boolean;
}

export interface Fixtures {
  tokens: string[];
  knownIds: string[];
  /** Values of a path parameter that exist (a contact id for a contact route, and so on). */
  paramValues(routePath: string, name: string): string[];
  /** Bodies known to be accepted, by "METHOD path": mutations start from them as well. */
  examples: Record<string, unknown[]>;
}

export interface RequestCase {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
  /** Which parts are invalid according to the route's schemas; all false for a valid request. */
  problems: { auth: boolean; params: boolean; query: boolean; body: boolean; other: boolean };
  /** The path resolves to another route (empty or dot segment): only the universal properties hold. */
  reroutes: boolean;
}

const jsonMediaType = /^application\/([\w.-]+\+)?json$/i;

export const isPublic = (route: FuzzRoute) => route.doc?.auth === false;

function bodyArbitrary(route: FuzzRoute, fixtures: Fixtures): fc.Arbitrary<string | undefined> {
  const junk = fc.oneof(fc.constant(undefined), fc.constant('{}'), malformedJson, hostileValue.map((value) => JSON.stringify(value)));
  if (!route.operation?.body) return junk;
  const derived = arbitraryFromJsonSchema(route.operation.body, { knownIds: fixtures.knownIds });
  const examples = fixtures.examples[`${route.method} ${route.path}`] ?? [];
  const valid = examples.length > 0 ? fc.oneof(derived, fc.constantFrom(...examples)) : derived;
  const asJson = (arbitrary: fc.Arbitrary<unknown>) => arbitrary.map((value) => JSON.stringify(value));
  return fc.oneof(
    { weight: 2, arbitrary: asJson(valid) },
    { weight: 5, arbitrary: asJson(mutated(valid)) },
    { weight: 1, arbitrary: asJson(valid.map((value) => Object.assign(pollutingObject(), value))) },
    { weight: 1, arbitrary: asJson(wrongTopLevel) },
    { weight: 1, arbitrary: malformedJson },
    { weight: 1, arbitrary: fc.constantFrom(64, 10_000).chain((depth) => fc.constantFrom(...deepJsonTexts(depth))) },
  );
}

function validQuery(route: FuzzRoute, fixtures: Fixtures): fc.Arbitrary<QueryPairs> {
  if (!route.operation?.query) return fc.constant([]);
  return arbitraryFromJsonSchema(route.operation.query, { knownIds: fixtures.knownIds }).map((value) =>
    Object.entries(value as Record<string, unknown>).map(([key, item]): [string, string] => [key, String(item)]),
  );
}

function pathArbitrary(route: FuzzRoute, fixtures: Fixtures): fc.Arbitrary<{ path: string; params: Record<string, string>; reroutes: boolean }> {
  const pieces = route.path.split('/');
  const segments = pieces.map((piece) =>
    piece.startsWith(':') ? segmentArbitrary(fixtures.paramValues(route.path, piece.slice(1))) : fc.constant<Segment | string>(piece),
  );
  return fc.tuple(...segments).map((parts) => {
    const params: Record<string, string> = {};
    let reroutes = false;
    const path = parts
      .map((part, index) => {
        if (typeof part === 'string') return part;
        params[(pieces[index] ?? '').slice(1)] = part.decoded;
        reroutes ||= part.reroutes;
        return part.raw;
      })
      .join('/');
    return { path, params, reroutes };
  });
}

/** What the JSON validator sees: the parsed body for a JSON media type; a body of any other type is refused. */
function bodyAsValidated(contentType: string | undefined, body: string | undefined): { ok: true; value: unknown } | { ok: false } {
  const mediaType = (contentType ?? (body === undefined ? '' : 'text/plain')).split(';')[0]?.trim() ?? '';
  if (!jsonMediaType.test(mediaType)) return body === undefined || body === '' ? { ok: true, value: {} } : { ok: false };
  try {
    // Like fetch's body.json(): UTF-8 decoding drops a leading byte-order mark.
    return { ok: true, value: JSON.parse((body ?? '').replace(/^\ufeff/, '')) as unknown };
  } catch (error) {
    if (error instanceof SyntaxError) return { ok: false };
    throw error;
  }
}

export function requestCaseArbitrary(route: FuzzRoute, fixtures: Fixtures): fc.Arbitrary<RequestCase> {
  const sendsBody = route.method !== 'GET' && route.method !== 'HEAD';
  const knownKeys = Object.keys(route.operation?.query?.properties ?? {});
  return fc
    .record({
      path: pathArbitrary(route, fixtures),
      query: queryArbitrary(knownKeys.length > 0 ? knownKeys : ['limit'], validQuery(route, fixtures)),
      auth: authArbitrary(fixtures.tokens),
      contentType: sendsBody ? contentTypeArbitrary : fc.constant(undefined),
      extra: extraHeadersArbitrary,
      body: sendsBody ? bodyArbitrary(route, fixtures) : fc.constant(undefined),
    })
    .map(({ path, query, auth, contentType, extra, body }): RequestCase => {
      const headers: Record<string, string> = { ...extra };
      if (auth.value !== undefined) headers.authorization = auth.value;
      if (contentType !== undefined) headers['content-type'] = contentType;
      const queryValue = queryObject(query);
      const parsedBody = bodyAsValidated(contentType, body);
      const bodySchema = route.doc?.body;
      return {
        method: route.method,
        url: path.path + queryString(query),
        headers,
        body,
        reroutes: path.reroutes,
        problems: {
          auth: !isPublic(route) && !auth.valid,
          params: route.doc?.params ? !route.doc.params.safeParse(path.params).success : false,
          query: route.doc?.query ? !route.doc.query.safeParse(queryValue).success : false,
          body: bodySchema ? !parsedBody.ok || !bodySchema.safeParse(parsedBody.value).success : false,
          other: route.rules?.extra ? !route.rules.extra({ headers, query: queryValue }) : false,
        },
      };
    });
}

/** A short account of a case for a failure message (huge values cut). */
export function describeCase(c: RequestCase): string {
  const cut = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text);
  const headers = Object.fromEntries(Object.entries(c.headers).map(([k, v]) => [k, cut(v)]));
  return `${c.method} ${cut(c.url)}\nheaders: ${JSON.stringify(headers)}\nbody: ${c.body === undefined ? '(none)' : cut(c.body)}\nproblems: ${JSON.stringify(c.problems)}`;
}
