/**
 * A local rule refused the request — not an API failure, and not a bug. `invalid_params`: the
 * input can never be accepted (not a LinkedIn profile address); `failed`: not now (the contact
 * has not reached the server yet). The bridge carries it to the page with its `userMessage`.
 */
export class LocalRefusal extends Error {
  override name = 'LocalRefusal';
  readonly kind: 'invalid_params' | 'failed';
  readonly userMessage: string;

  constructor(kind: 'invalid_params' | 'failed', message: string, userMessage: string) {
    super(message);
    this.kind = kind;
    this.userMessage = userMessage;
  }
}
