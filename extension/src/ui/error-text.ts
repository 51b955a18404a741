import { isApiClientError } from '../api-client/index.ts';
import { isBridgeError } from '../bridge/errors.ts';

/** The sentence to show a rep for any failure: the API client's or the bridge's own wording when it has one. */
export function errorText(error: unknown): string {
  if (isApiClientError(error) || isBridgeError(error)) return error.userMessage;
  if (error instanceof Error) return error.message;
  return String(error);
}
