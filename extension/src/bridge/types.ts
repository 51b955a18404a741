import type { z } from 'zod';
import type { Reports } from './method.ts';
import type { AppRouter } from './router.ts';

/* The page side's types, all inferred from the worker's handler table. */

export type BridgeMethod = keyof AppRouter;
export type BridgeParams<M extends BridgeMethod> = z.input<AppRouter[M]['params']>;
export type BridgeResult<M extends BridgeMethod> = Awaited<ReturnType<AppRouter[M]['run']>>;
export type BridgeProgress<M extends BridgeMethod> = AppRouter[M] extends { progress?: Reports<infer P> } ? P : never;

export interface CallOptions<M extends BridgeMethod> {
  onProgress?: (progress: BridgeProgress<M>) => void;
}

/** `bridge.logThread(params, { onProgress })`: one function per handler entry; go-to-definition lands on the entry. */
// `keyof AppRouter` spelled out (not the alias): only then is the mapped type homomorphic, which is
// what links each property back to its entry for go-to-definition.
export type BridgeMethods = {
  [M in keyof AppRouter]: (params: BridgeParams<M>, options?: CallOptions<M>) => Promise<BridgeResult<M>>;
};

/** Names the client keeps for itself (`then`: a bridge must never look like a promise); no handler may take them. */
export type ReservedName = 'onChange' | 'close' | 'then';
type Assert<T extends true> = T;
export type NoHandlerTakesAReservedName = Assert<[Extract<BridgeMethod, ReservedName>] extends [never] ? true : false>;
