import type { ServedRoute } from '../openapi/app-routes.ts';
import { openapiPath } from '../openapi/document.ts';
import type { JsonSchema } from './schema-arbitrary.ts';

/* What the generated OpenAPI document says a route reads: the fuzzer draws its inputs from it. */

type Node = Record<string, unknown>;
interface Operation {
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: JsonSchema }>;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

/** Resolves `#/components/...` references (the document's schemas are not recursive). */
function inline(value: unknown, document: Node): unknown {
  if (Array.isArray(value)) return value.map((item) => inline(item, document));
  if (value === null || typeof value !== 'object') return value;
  const ref = (value as Node).$ref;
  if (typeof ref === 'string' && ref.startsWith('#/')) {
    const target = ref
      .slice(2)
      .split('/')
      .reduce<unknown>((node, key) => (node as Node | undefined)?.[key.replaceAll('~1', '/').replaceAll('~0', '~')], document);
    return inline(target, document);
  }
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, inline(item, document)]));
}

export function documentedInputs(document: Node, route: ServedRoute): { body?: JsonSchema; query?: JsonSchema } | undefined {
  const paths = document.paths as Record<string, Record<string, Operation>>;
  const operation = paths[openapiPath(route.path)]?.[route.method.toLowerCase()];
  if (!operation) return undefined;
  const resolved = inline(operation, document) as Operation;
  const query = (resolved.parameters ?? []).filter((parameter) => parameter.in === 'query');
  const body = resolved.requestBody?.content?.['application/json']?.schema;
  return {
    ...(body ? { body } : {}),
    ...(query.length > 0
      ? {
          query: {
            type: 'object',
            properties: Object.fromEntries(query.map((parameter) => [parameter.name, parameter.schema ?? {}])),
            required: query.filter((parameter) => parameter.required).map((parameter) => parameter.name),
          },
        }
      : {}),
  };
}
