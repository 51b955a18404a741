import { ApiErrorBody } from '@baton/shared';

/** A failed request, with the API's own code and message when it gave one. */
export class ConsoleApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ConsoleApiError';
  }
}

export const isConsoleApiError = (error: unknown): error is ConsoleApiError => error instanceof ConsoleApiError;

/** The error a response stands for: the API's envelope when it sent one, else a sentence about the status. */
export async function errorFrom(response: Response): Promise<ConsoleApiError> {
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // Not JSON (a proxy's page, an empty body): the status says what happened.
    json = null;
  }
  const parsed = ApiErrorBody.safeParse(json);
  if (parsed.success) return new ConsoleApiError(response.status, parsed.data.error.code, parsed.data.error.message, parsed.data.error.details);
  const message = response.status === 401 ? 'You are signed out.' : `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`;
  return new ConsoleApiError(response.status, response.status === 401 ? 'unauthorized' : 'http_error', message);
}

/** The sentence to show for any failure. */
export function errorText(error: unknown): string {
  if (error instanceof ConsoleApiError) return error.message;
  if (error instanceof TypeError) return 'Baton cannot be reached. Check your connection and try again.';
  if (error instanceof Error) return error.message;
  return String(error);
}
