import type { MiddlewareHandler, ValidationTargets } from 'hono';
import { every } from 'hono/combine';
import { resolver, uniqueSymbol, validator } from 'hono-openapi';
import type { z } from 'zod';
import { ApiError } from '../errors.ts';

const JSON_MEDIA_TYPE = /^application\/([\w.+-]*\+)?json$/i;

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * Text cut in the middle of an emoji carries half a surrogate pair, which arrives in JSON as a
 * lone `\udXXX` escape. PostgreSQL's jsonb refuses it (and UTF-8 cannot hold it), so each lone
 * escape becomes `\ufffd`, as the UTF-8 encoder does for text columns, rather than failing the
 * whole write. One pass over the raw text: no recursion, whatever the nesting.
 */
export function wellFormedJsonText(text: string): string {
  if (!/\\u[dD][89a-fA-F]/.test(text)) return text;
  const unit = (at: number) => (text[at] === '\\' && text[at + 1] === 'u' ? Number.parseInt(text.slice(at + 2, at + 6), 16) : Number.NaN);
  let out = '';
  let copied = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] !== '\\') continue;
    const code = unit(i);
    if (Number.isNaN(code)) {
      i += 1; // another escape (\\, \", \n…): its second character cannot start one
      continue;
    }
    if (isHigh(code) && isLow(unit(i + 6))) {
      i += 11; // a whole pair
      continue;
    }
    if (isHigh(code) || isLow(code)) {
      out += `${text.slice(copied, i)}\\ufffd`;
      copied = i + 6;
    }
    i += 5;
  }
  return out + text.slice(copied);
}

/**
 * A body sent as anything but JSON would be read as an empty object and could pass a schema whose
 * fields are all optional: refuse it instead of silently doing nothing. A JSON body's strings are
 * made well-formed before the validator reads it.
 */
const requireJsonBody: MiddlewareHandler = async (c, next) => {
  const mediaType = (c.req.header('content-type') ?? '').split(';')[0]?.trim() ?? '';
  const hasBody = c.req.raw.body !== null && (c.req.header('content-length') ?? '') !== '0';
  if (hasBody && !JSON_MEDIA_TYPE.test(mediaType)) {
    throw new ApiError(400, 'invalid_body', 'Send the request body as JSON, with Content-Type: application/json');
  }
  if (hasBody) {
    // The validator parses the cached text; malformed JSON still gets its 400 there.
    const text = await c.req.text();
    const clean = wellFormedJsonText(text);
    // Hono keeps the pending read in its cache (typed as the text itself).
    if (clean !== text) (c.req.bodyCache as Record<string, unknown>).text = Promise.resolve(clean);
  }
  await next();
};

/**
 * Validation with a contract's zod schema (hono-openapi's validator, so the OpenAPI document is
 * generated from the same schema). Failures become 400 `invalid_body` (or `bad_request` for the
 * path and query) with the issues; a JSON body is refused unless sent as JSON, and made
 * well-formed first. `documented` is what the document offers when it is stricter than what is
 * validated here (a batch whose items are checked one by one).
 */
export const validate = <Target extends keyof ValidationTargets, Schema extends z.ZodType>(target: Target, schema: Schema, documented?: z.ZodType) => {
  const middleware = validator(target, schema, (result) => {
    if (!result.success) {
      const issues = result.error.map((issue) => ({
        path: (issue.path ?? []).map((segment) => String(typeof segment === 'object' ? segment.key : segment)).join('.'),
        message: issue.message,
        code: (issue as { code?: string }).code,
      }));
      const what = target === 'json' ? 'body' : target;
      const first = issues[0];
      throw new ApiError(
        400,
        target === 'json' ? 'invalid_body' : 'bad_request',
        `The request ${what} is invalid${first ? `: ${first.path ? `${first.path}: ` : ''}${first.message}` : ''}`,
        { issues },
      );
    }
  });
  // hono-openapi reads what to document from this property of the middleware.
  const own = (middleware as unknown as Record<typeof uniqueSymbol, object>)[uniqueSymbol];
  const description = documented ? { ...own, ...resolver(documented) } : own;
  const combined = target === 'json' ? (every(requireJsonBody, middleware) as typeof middleware) : middleware;
  return Object.assign(combined, { [uniqueSymbol]: description });
};
