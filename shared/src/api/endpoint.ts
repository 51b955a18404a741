import { z } from 'zod';

/*
 * One HTTP endpoint's contract: what it reads (path parameters, query, body) and what it answers.
 * The API validates with these schemas and generates its OpenAPI document from them; clients parse
 * responses with them. Paths use Hono's syntax (`:id`).
 */

export type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

export interface SuccessResponse {
  description: string;
  /** The JSON body; null when the body is not JSON (then `contentType` says what it is). */
  schema: z.ZodType | null;
  contentType?: string;
  /** Document the schema as it is, and the stream's events as this schema. */
  eventSchema?: z.ZodType;
}

export interface Endpoint {
  method: Method;
  path: string;
  summary: string;
  tag: string;
  /** False only for the endpoints served without a token. */
  auth?: false;
  params?: z.ZodObject;
  query?: z.ZodType;
  /** What the route validates the body with. */
  body?: z.ZodType;
  /** What the document offers as the body, when stricter than `body` (items checked one by one). */
  documentedBody?: z.ZodType;
  /** Request headers the endpoint reads besides Authorization. */
  headers?: Record<string, { description: string; schema: z.ZodType }>;
  responses: Partial<Record<200 | 201, SuccessResponse>>;
  /** Error statuses this endpoint answers besides the common ones (400, 401, 413 for bodies, 429). */
  errors?: number[];
}

/** Keeps the literal types of an endpoint while checking it is one. */
export const endpoint = <const E extends Endpoint>(spec: E): E => spec;

/** The body of a 200 (or 201) answer of an endpoint. */
export type ResponseOf<E extends Endpoint, S extends 200 | 201 = 200> =
  E['responses'][S] extends { schema: infer T extends z.ZodType } ? z.output<T> : never;
