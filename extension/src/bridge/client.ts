import { BridgeError, fromWire } from './errors.ts';
import type { BridgePort } from './port.ts';
import type { BridgeMethod, BridgeMethods, BridgeParams, BridgeResult, CallOptions, ReservedName } from './types.ts';
import { BridgeIncoming } from './wire.ts';

/**
 * The page's handle on the background: `bridge.logThread(params, { onProgress })` for every entry
 * of the worker's handler table (bridge/router.ts). Calls reject with an `ApiClientError` (API
 * failures) or a `BridgeError`.
 */
export type BridgeClient = BridgeMethods & {
  /** Called with the tables written whenever the background's database changed. Returns an unsubscribe. */
  onChange(listener: (tables: string[]) => void): () => void;
  close(): void;
};

export interface BridgeClientOptions {
  /** Opens a port to the background (`runtime.connect({ name: BRIDGE_PORT })`). */
  connect(): BridgePort;
  /** Wait before reconnecting after `failures` ports in a row died without a word. */
  reconnectDelayMs?: (failures: number) => number;
}

interface Pending {
  id: number;
  method: string;
  params: unknown;
  /** The port it went out on, until that port dropped. */
  port: BridgePort | null;
  /** Sent again after a port dropped mid-call: the background runs it only if it is idempotent. */
  retry: boolean;
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

/** A method name, as opposed to what the runtime, React or a debugger may probe an object for. */
const reserved: ReadonlySet<string> = new Set<ReservedName>(['onChange', 'close', 'then']);
const isMethodName = (name: string | symbol): name is string => typeof name === 'string' && /^[a-z][A-Za-z0-9]*$/.test(name) && !reserved.has(name);

/**
 * The page side of the bridge. Connects lazily; when the port drops (the MV3 worker was stopped),
 * calls in flight are sent once more on a new port, marked as a retry: the background runs an
 * idempotent method again and answers any other with a `disconnected` BridgeError ("may not have
 * landed"). Pages that watch for changes reconnect at once and are told to re-read (changes may
 * have been missed).
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
    const target = open();
    target.postMessage({ id: call.id, method: call.method, params: call.params, ...(call.retry ? { retry: true } : {}) });
    call.port = target;
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
      if (call.port !== old) continue;
      call.port = null;
      if (!call.retry) {
        call.retry = true;
        continue;
      }
      fail(
        call,
        new BridgeError('disconnected', `Baton's background stopped twice during ${call.method}`, {
          userMessage: 'Baton restarted in the middle of this — check whether it was saved, then try again',
        }),
      );
    }
    if (!closed && (pending.size > 0 || listeners.size > 0)) timer ??= setTimeout(reconnect, delayFor(failures));
  }

  function call(method: string, params: unknown, callOptions: CallOptions<BridgeMethod> = {}): Promise<unknown> {
    if (closed) return Promise.reject(new BridgeError('disconnected', 'bridge client closed'));
    return new Promise<unknown>((resolve, reject) => {
      const entry: Pending = {
        id: nextId++,
        method,
        params,
        port: null,
        retry: false,
        resolve,
        reject,
        onProgress: callOptions.onProgress as ((progress: never) => void) | undefined,
      };
      pending.set(entry.id, entry);
      // While a reconnect is scheduled the call waits for it; otherwise it goes out now.
      if (timer !== undefined) return;
      try {
        send(entry);
      } catch (first) {
        // A port can die before its onDisconnect fires: drop it and try a fresh one once.
        console.info('[baton] bridge port was dead, reconnecting', first);
        port = null;
        try {
          send(entry);
        } catch (error) {
          fail(entry, unreachableBackground(error));
        }
      }
    });
  }

  const own = {
    onChange(listener: (tables: string[]) => void) {
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
      for (const entry of [...pending.values()]) fail(entry, new BridgeError('disconnected', 'bridge client closed'));
    },
  };
  // Every other name is a method of the worker's table: the page needs no list of them, only their types.
  const callers = new Map<string, (params: unknown, options?: CallOptions<BridgeMethod>) => Promise<unknown>>();
  return new Proxy(own, {
    get(target, name, receiver) {
      if (Object.hasOwn(target, name) || !isMethodName(name)) return Reflect.get(target, name, receiver) as unknown;
      let caller = callers.get(name);
      if (caller === undefined) {
        caller = (params, callOptions) => call(name, params, callOptions);
        callers.set(name, caller);
      }
      return caller;
    },
  }) as unknown as BridgeClient;
}

/** Calls a method by name (for generic code such as the query helpers); `bridge[method]` typed. */
export function callBridge<M extends BridgeMethod>(bridge: BridgeClient, method: M, params: BridgeParams<M>, options?: CallOptions<M>): Promise<BridgeResult<M>> {
  const fn = bridge[method] as unknown as (params: BridgeParams<M>, options?: CallOptions<M>) => Promise<BridgeResult<M>>;
  return fn(params, options);
}
