import { zValidator } from '@hono/zod-validator';
import type { MiddlewareHandler, ValidationTargets } from 'hono';
import { every } from 'hono/combine';
import type { z } from 'zod';
import { ApiError } from '../errors.ts';

const JSON_MEDIA_TYPE = /^application\/([\w.+-]*\+)?json$/i;

/**
 * A body sent as anything but JSON would be read as an empty object and could pass a schema whose
 * fields are all optional: refuse it instead of silently doing nothing.
 */
const requireJsonBody: MiddlewareHandler = async (c, next) => {
  const mediaType = (c.req.header('content-type') ?? '').split(';')[0]?.trim() ?? '';
  const hasBody = c.req.raw.body !== null && (c.req.header('content-length') ?? '') !== '0';
  if (hasBody && !JSON_MEDIA_TYPE.test(mediaType)) {
    throw new ApiError(400, 'invalid_body', 'Send the request body as JSON, with Content-Type: application/json');
  }
  await next();
};

/** zod validation whose failures become 400 `invalid_body` (or `bad_request` for queries) with the issues. */
export const validate = <Target extends keyof ValidationTargets, Schema extends z.ZodType>(target: Target, schema: Schema) => {
  const validator = zValidator(target, schema, (result) => {
    if (!result.success) {
      const issues = result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message, code: issue.code }));
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
  return target === 'json' ? (every(requireJsonBody, validator) as typeof validator) : validator;
};
