import { z } from 'zod';
import type { ApiClientErrorDetails } from '../api-client/index.ts';

/*
 * The wire between extension pages and the background, over one `runtime.Port` per page. Pages
 * send requests; the background answers each once (it may send progress first) and broadcasts
 * `changed` whenever its database committed a write. Both ends parse what they receive.
 */

/** The name extension pages connect with; the background accepts no other. */
export const BRIDGE_PORT = 'baton-bridge';

export const BridgeRequest = z.object({
  id: z.number().int().nonnegative(),
  method: z.string().min(1).max(100),
  params: z.unknown(),
  /**
   * Sent again on a new port after the worker stopped mid-call: the first attempt may have run.
   * The background runs it again only when the method is idempotent.
   */
  retry: z.boolean().optional(),
});
export type BridgeRequest = z.infer<typeof BridgeRequest>;

/** Bridge-level failures, besides the API client's own kinds (`not_found`, `not_ready`, …). */
export const bridgeFailureKinds = ['invalid_params', 'unknown_method', 'not_configured', 'failed', 'disconnected'] as const;
export type BridgeFailureKind = (typeof bridgeFailureKinds)[number];

export interface WireError {
  kind: string;
  message: string;
  userMessage: string;
  details: ApiClientErrorDetails | Record<string, unknown>;
  /** Present for API errors: the HTTP status and the API's error code. */
  status?: number;
  code?: string;
}

export type BridgeResponse = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: WireError };
export interface BridgeProgressMessage {
  id: number;
  progress: unknown;
}
export interface ChangedEvent {
  type: 'changed';
  /** Tables written; `*` after a reconnect, when changes may have been missed. */
  tables: string[];
}
export type BridgeOutgoing = BridgeResponse | BridgeProgressMessage | ChangedEvent;

const WireErrorSchema = z.object({
  kind: z.string(),
  message: z.string(),
  userMessage: z.string(),
  details: z.record(z.string(), z.unknown()),
  status: z.number().optional(),
  code: z.string().optional(),
});

/** What a page accepts from the background (malformed messages are dropped and logged). */
export const BridgeIncoming = z.union([
  z.object({ type: z.literal('changed'), tables: z.array(z.string()) }),
  z.object({ id: z.number(), ok: z.literal(true), result: z.unknown() }),
  z.object({ id: z.number(), ok: z.literal(false), error: WireErrorSchema }),
  z.object({ id: z.number(), progress: z.unknown() }),
]);
