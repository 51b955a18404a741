import { z } from 'zod';
import { ApiClientError, apiErrorKinds, isApiClientError, type ApiClientErrorDetails, type ApiErrorKind } from '../api-client/index.ts';
import { LocalRefusal } from '../local/errors.ts';
import { bridgeFailureKinds, type BridgeFailureKind, type WireError } from './wire.ts';

/** A failure of the bridge itself or of a local operation (an API failure stays an `ApiClientError`). */
export class BridgeError extends Error {
  override name = 'BridgeError';
  readonly kind: BridgeFailureKind;
  readonly userMessage: string;
  readonly details: Record<string, unknown>;

  constructor(kind: BridgeFailureKind, message: string, options: { userMessage?: string; details?: Record<string, unknown> } = {}) {
    super(message);
    this.kind = kind;
    this.userMessage = options.userMessage ?? message;
    this.details = options.details ?? {};
  }
}

export function isBridgeError(error: unknown): error is BridgeError {
  return error instanceof BridgeError;
}

export const notConfigured = () =>
  new BridgeError('not_configured', 'no API URL or token in settings', { userMessage: 'Baton is not connected to its API yet — open Options' });

const plain = (value: unknown): Record<string, unknown> => JSON.parse(JSON.stringify(value ?? {})) as Record<string, unknown>;

/** Any error thrown by a handler, as data that survives the port's JSON serialisation. */
export function toWire(error: unknown): WireError {
  if (isApiClientError(error)) {
    return { kind: error.kind, message: error.message, userMessage: error.userMessage, details: plain(error.details), status: error.status, code: error.code };
  }
  if (isBridgeError(error)) return { kind: error.kind, message: error.message, userMessage: error.userMessage, details: plain(error.details) };
  if (error instanceof LocalRefusal) return { kind: error.kind, message: error.message, userMessage: error.userMessage, details: {} };
  if (error instanceof z.ZodError) {
    const summary = error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`).join('; ');
    return { kind: 'invalid_params', message: summary, userMessage: summary, details: { issues: plain(error.issues) } };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'failed', message, userMessage: message, details: {} };
}

const isApiKind = (kind: string): kind is ApiErrorKind => (apiErrorKinds as readonly string[]).includes(kind);

/** The page-side error: an `ApiClientError` again when it was one, so `isApiClientError` and `.kind` work unchanged. */
export function fromWire(wire: WireError): ApiClientError | BridgeError {
  if (isApiKind(wire.kind)) {
    return new ApiClientError({
      kind: wire.kind,
      status: wire.status ?? 0,
      code: wire.code ?? wire.kind,
      message: wire.message,
      details: wire.details as ApiClientErrorDetails,
    });
  }
  const kind = bridgeFailureKinds.find((known) => known === wire.kind) ?? 'failed';
  return new BridgeError(kind, wire.message, { userMessage: wire.userMessage, details: wire.details as Record<string, unknown> });
}
