import fc from 'fast-check';
import { z } from 'zod';

/*
 * Plausible values for a zod schema, by way of its JSON Schema: close enough to valid that a
 * mutation of one field reaches the code behind validation. Whether a value really is valid is
 * decided by the schema's own safeParse, never by this generator.
 */

export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
}

export interface SchemaArbitraryOptions {
  /** Ids that exist in the test database: a plausible uuid is often one of them. */
  knownIds: readonly string[];
}

export function arbitraryFor(schema: z.ZodType, options: SchemaArbitraryOptions): fc.Arbitrary<unknown> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return fromJsonSchema(json, options);
}

/** The same, from a JSON Schema (an OpenAPI document's, whose local `$ref`s are already resolved). */
export function arbitraryFromJsonSchema(schema: JsonSchema, options: SchemaArbitraryOptions): fc.Arbitrary<unknown> {
  return fromJsonSchema(schema, options);
}

function fromJsonSchema(schema: JsonSchema, options: SchemaArbitraryOptions): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((alternative) => fromJsonSchema(alternative, options)));
  if (schema.allOf?.[0]) return fromJsonSchema(schema.allOf[0], options);
  if (Array.isArray(schema.type)) {
    return fc.oneof(...schema.type.map((type) => fromJsonSchema({ ...schema, type }, options)));
  }
  switch (schema.type) {
    case 'string':
      return stringFor(schema, options);
    case 'integer':
    case 'number': {
      const min = Math.max(schema.minimum ?? -1000, -1_000_000);
      const max = Math.min(schema.maximum ?? 1000, Math.max(min, 1000));
      // The bounds themselves are where validation most often goes wrong, and a version of 1 is current.
      return fc.oneof(fc.constant(min), fc.integer({ min, max }));
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(schema.items ? fromJsonSchema(schema.items, options) : fc.jsonValue({ maxDepth: 1 }), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)),
      });
    case 'object': {
      const properties = schema.properties ?? {};
      const model = Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, fromJsonSchema(value, options)]));
      return fc.record(model, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function stringFor(schema: JsonSchema, options: SchemaArbitraryOptions): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'uuid':
      return options.knownIds.length > 0 ? fc.oneof(fc.constantFrom(...options.knownIds), fc.uuid()) : fc.uuid();
    case 'email':
      return fc.emailAddress();
    case 'date-time':
      return fc
        .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-01-01T00:00:00Z'), noInvalidDate: true })
        .map((date) => date.toISOString());
    case 'uri':
      return fc.webUrl();
    default: {
      const minLength = schema.minLength ?? 0;
      return fc.string({ minLength, maxLength: Math.max(minLength, Math.min(schema.maxLength ?? 40, 40)) });
    }
  }
}
