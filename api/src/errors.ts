import type { ErrorCode } from '@baton/shared';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Thrown anywhere in a handler; `app.onError` turns it into `{error:{code,message,details}}`. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notFound = (what = 'resource') => new ApiError(404, 'not_found', `No such ${what}`);
export const conflict = (message: string, details?: unknown) => new ApiError(409, 'conflict', message, details);
export const badRequest = (message: string, details?: unknown) =>
  new ApiError(400, 'bad_request', message, details);
export const forbidden = (message: string) => new ApiError(403, 'forbidden', message);
