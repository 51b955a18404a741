import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';
import { ApiError } from '../errors.ts';

/** zod validation whose failures become 400 `invalid_body` (or `bad_request` for queries) with the issues. */
export const validate = <Target extends keyof ValidationTargets, Schema extends z.ZodType>(target: Target, schema: Schema) =>
  zValidator(target, schema, (result) => {
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
