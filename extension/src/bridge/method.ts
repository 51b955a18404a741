import type { z } from 'zod';
import type { ApiClient } from '../api-client/index.ts';
import type { LocalContext } from '../local/context.ts';

/** What a handler gets besides its parsed params. */
export interface HandlerEnv<Progress> {
  /** The background's context: its database, the signed-in user, and "sync now" after a write. */
  ctx: LocalContext;
  /** The API client for the current settings, or null when not configured. */
  client(): Promise<ApiClient | null>;
  /** The API client, or a `not_configured` BridgeError when there is none. */
  api(): Promise<ApiClient>;
  /** Tells the calling page how far the call got (`onProgress` on the page side). */
  progress(value: Progress): void;
  /** Which tab the calling page is in (the sidebar frame's), or null (the popup). */
  tabId: number | null;
  /** Drains the outbox now, ignoring backoff. */
  syncNow(): Promise<void>;
}

/**
 * One entry of the handler table. `idempotent` methods are sent again once when the worker was
 * stopped mid-call; any other method then fails with "may not have landed".
 */
export interface Method<Params extends z.ZodType, Result, Progress = never> {
  params: Params;
  idempotent: boolean;
  /** Marks, for the page's types only, what `progress` reports. */
  progress?: Reports<Progress>;
  run(params: z.output<Params>, env: HandlerEnv<Progress>): Promise<Result>;
}

export interface Reports<P> {
  readonly __progress?: P;
}

/** Declares what a method reports as it goes: `method({ ..., progress: reports<LogProgress>(), run })`. */
export const reports = <P>(): Reports<P> => ({});

/** A handler entry; its result type is whatever `run` returns, so the page infers it from here. */
export function method<Params extends z.ZodType, Result, Progress = never>(definition: Method<Params, Result, Progress>): Method<Params, Result, Progress> {
  return definition;
}
