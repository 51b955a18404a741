import { BridgeError, fromWire } from './errors.ts';
import type { BridgePort } from './port.ts';
import { BridgeIncoming, bridgeMethods, type BridgeMethod, type BridgeParams, type BridgeProgress, type BridgeResult } from './protocol.ts';

export interface CallOptions<M extends BridgeMethod> {
  onProgress?: (progress: BridgeProgress<M>) => void;
}

export interface BridgeClient {
  /** Calls the background; rejects with an `ApiClientError` (API failures) or a `BridgeError`. */
  call<M extends BridgeMethod>(method: M, params: BridgeParams<M>, options?: CallOptions<M>): Promise<BridgeResult<M>>;
  /** Called with the tables written whenever the background's database changed. Returns an unsubscribe. */
  onChange(listener: (tables: string[]) => void): () => void;
  close(): void;
}

export interface BridgeClientOptions {
  /** Opens a port to the background (`runtime.connect({ name: BRIDGE_PORT })`). */
  connect(): BridgePort;
  /** Wait before reconnecting after `failures` ports in a row died without a word. */
  reconnectDelayMs?: (failures: number) => number;
}

interface Pending {
  id: number;
  method: BridgeMethod;
  params: unknown;
  retried: boolean;
  resolve(value: unknown): void;
  reject(error: unknown): void;
  onProgress?: ((progress: never) => void) | undefined;
}

// `runtime.connect` throws once the extension was reloaded or updated: this page is orphaned.
const unreachableBackground = (error: unknown) =>
  new BridgeError('disconnected', `cannot reach Baton's background: ${error instanceof Error ? error.message : String(error)}`, {
    userMessage: 'Baton was updated or restarted — reload this page',
  });

const defaultDelay = (failures: number) => (failures === 0 ? 0 : Math.min(5_000, 100 * 2 ** failures));

/**
 * The page side of the bridge. Connects lazily; when the port drops (the MV3 worker was stopped),
 * reads are sent again once on a new port, writes fail with a `disconnected` BridgeError, and pages
 * that watch for changes reconnect at once and are told to re-read (changes may have been missed).
 */
export function createBridgeClient(options: BridgeClientOptions): BridgeClient {
  const delayFor = options.reconnectDelayMs ?? defaultDelay;
  const pending = new Map<number, Pending>();
  const listeners = new Set<(tables: string[]) => void>();
  let port: BridgePort | null = null;
  let heardFromPort = false;
  let failures = 0;
  let nextId = 1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const emit = (tables: string[]) => {
    for (const listener of [...listeners]) listener(tables);
  };

  function receive(raw: unknown) {
    heardFromPort = true;
    failures = 0;
    const parsed = BridgeIncoming.safeParse(raw);
    if (!parsed.success) {
      console.warn('[baton] bridge dropped a malformed message', parsed.error.issues);
      return;
    }
    const message = parsed.data;
    if ('type' in message) return emit(message.tables);
    const call = pending.get(message.id);
    if (call === undefined) return;
    if ('ok' in message) {
      pending.delete(message.id);
      if (message.ok) call.resolve(message.result);
      else call.reject(fromWire(message.error));
      return;
    }
    call.onProgress?.(message.progress as never);
  }

  function open(): BridgePort {
    if (port !== null) return port;
    const fresh = options.connect();
    heardFromPort = false;
    fresh.onMessage.addListener(receive);
    fresh.onDisconnect.addListener(() => lost(fresh));
    port = fresh;
    return fresh;
  }

  function send(call: Pending) {
    open().postMessage({ id: call.id, method: call.method, params: call.params });
  }

  function fail(call: Pending, error: unknown) {
    pending.delete(call.id);
    call.reject(error);
  }

  function reconnect() {
    timer = undefined;
    if (closed) return;
    const retrying = [...pending.values()];
    if (retrying.length === 0 && listeners.size === 0) return;
    try {
      open();
      for (const call of retrying) send(call);
    } catch (error) {
      for (const call of retrying) fail(call, unreachableBackground(error));
      return;
    }
    if (listeners.size > 0) emit(['*']);
  }

  function lost(old: BridgePort) {
    if (port !== old) return;
    port = null;
    failures = heardFromPort ? 0 : failures + 1;
    for (const call of [...pending.values()]) {
      if (bridgeMethods[call.method].idempotent && !call.retried) {
        call.retried = true;
        continue;
      }
      fail(
        call,
        new BridgeError('disconnected', `Baton's background stopped during ${call.method}`, {
          userMessage: 'Baton restarted in the middle of this — check whether it was saved, then try again',
        }),
      );
    }
    if (!closed && (pending.size > 0 || listeners.size > 0)) timer ??= setTimeout(reconnect, delayFor(failures));
  }

  return {
    call<M extends BridgeMethod>(method: M, params: BridgeParams<M>, callOptions: CallOptions<M> = {}): Promise<BridgeResult<M>> {
      if (closed) return Promise.reject(new BridgeError('disconnected', 'bridge client closed'));
      return new Promise<BridgeResult<M>>((resolve, reject) => {
        const call: Pending = {
          id: nextId++,
          method,
          params,
          retried: false,
          resolve: resolve as (value: unknown) => void,
          reject,
          onProgress: callOptions.onProgress as ((progress: never) => void) | undefined,
        };
        pending.set(call.id, call);
        // While a reconnect is scheduled the call waits for it; otherwise it goes out now.
        if (timer !== undefined) return;
        try {
          send(call);
        } catch (first) {
          // A port can die before its onDisconnect fires: drop it and try a fresh one once.
          console.info('[baton] bridge port was dead, reconnecting', first);
          port = null;
          try {
            send(call);
          } catch (error) {
            fail(call, unreachableBackground(error));
          }
        }
      });
    },
    onChange(listener) {
      listeners.add(listener);
      if (port === null && timer === undefined && !closed) {
        try {
          open();
        } catch (error) {
          console.warn('[baton] bridge could not connect', error);
        }
      }
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
      if (timer !== undefined) clearTimeout(timer);
      const current = port;
      port = null;
      current?.disconnect();
      for (const call of [...pending.values()]) fail(call, new BridgeError('disconnected', 'bridge client closed'));
    },
  };
}
