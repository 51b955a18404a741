import type { z } from 'zod';
import type { ApiClient } from '../api-client/index.ts';
import type { LocalContext } from '../local/context.ts';
import type { BatonDb } from '../local/db.ts';
import { watchChanges } from './changes.ts';
import { BridgeError, notConfigured, toWire } from './errors.ts';
import type { HandlerEnv, Method } from './method.ts';
import type { BridgePort } from './port.ts';
import { appRouter } from './router.ts';
import { BRIDGE_PORT, BridgeRequest, type BridgeOutgoing } from './wire.ts';

export interface BridgeServerOptions {
  db: BatonDb;
  /** `runtime.id`: ports from any other extension are refused. */
  extensionId: string;
  /**
   * Our pages' origin (`runtime.getURL('')`). Content scripts carry our extension id too but run
   * inside the web page, so they are refused: CRM data goes only to extension pages.
   */
  extensionOrigin: string;
  /** Registers the connect listener (`runtime.onConnect` in the background); returns its removal. */
  onConnect(listener: (port: BridgePort) => void): () => void;
  userId(): Promise<string | null>;
  client(): Promise<ApiClient | null>;
  /** After a write was queued: drain the outbox now rather than at the next alarm. */
  onQueued?(): void;
  /** The `syncNow` method: drain the outbox now, ignoring backoff. */
  syncNow(): Promise<void>;
  now?(): Date;
  changeDebounceMs?: number;
}

export interface BridgeServer {
  /** How many pages are connected. */
  connections(): number;
  close(): void;
}

/**
 * Our extension id and an extension-scheme URL: one of our pages. The scheme, not the exact
 * origin, is compared because a `use_dynamic_url` frame may be served from a per-session origin.
 */
function fromOurPage(sender: BridgePort['sender'], own: { extensionId: string; extensionOrigin: string }): boolean {
  if (sender?.id !== own.extensionId || sender.url === undefined) return false;
  try {
    return new URL(sender.url).protocol === new URL(own.extensionOrigin).protocol;
  } catch (error) {
    console.warn('[baton] bridge could not read a sender URL', error);
    return false;
  }
}

type AnyMethod = Method<z.ZodType, unknown, unknown>;
const methods: Readonly<Record<string, AnyMethod>> = appRouter;

function methodNamed(name: string): AnyMethod {
  if (!Object.hasOwn(methods, name)) throw new BridgeError('unknown_method', `no bridge method "${name}"`);
  return methods[name] as AnyMethod;
}

/** False when the page closed (or navigated) meanwhile: there is nobody left to tell. */
function send(port: BridgePort, message: BridgeOutgoing): boolean {
  try {
    port.postMessage(message);
    return true;
  } catch (error) {
    console.info(`[baton] bridge page went away: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}

/**
 * The background side of the bridge: answers typed calls from extension pages with the local/
 * functions over the background's own database, and tells every page when that database changed.
 * Install before the database is first opened (the change watcher is a Dexie middleware).
 */
export function startBridgeServer(options: BridgeServerOptions): BridgeServer {
  const ports = new Set<BridgePort>();
  const now = options.now ?? (() => new Date());
  const stopWatching = watchChanges(
    options.db,
    (tables) => {
      for (const port of ports) if (!send(port, { type: 'changed', tables })) ports.delete(port);
    },
    options.changeDebounceMs,
  );

  async function answer(port: BridgePort, raw: unknown): Promise<void> {
    const envelope = BridgeRequest.safeParse(raw);
    if (!envelope.success) {
      console.warn('[baton] bridge dropped a malformed request', envelope.error.issues);
      return;
    }
    const { id, method: name, params, retry } = envelope.data;
    try {
      const method = methodNamed(name);
      if (retry === true && !method.idempotent) {
        throw new BridgeError('disconnected', `Baton's background stopped during ${name}`, {
          userMessage: 'Baton restarted in the middle of this — check whether it was saved, then try again',
        });
      }
      const parsed: unknown = method.params.parse(params);
      const userId = await options.userId();
      const ctx: LocalContext = { db: options.db, now, userId: () => userId, ...(options.onQueued ? { onQueued: options.onQueued } : {}) };
      const env: HandlerEnv<unknown> = {
        ctx,
        client: options.client,
        api: async () => {
          const client = await options.client();
          if (client === null) throw notConfigured();
          return client;
        },
        progress: (progress) => send(port, { id, progress }),
        tabId: port.sender?.tab?.id ?? null,
        syncNow: options.syncNow,
      };
      const result = await method.run(parsed, env);
      send(port, { id, ok: true, result: result ?? null });
    } catch (error) {
      const wire = toWire(error);
      if (wire.kind === 'failed') console.error(`[baton] bridge ${name} failed`, error);
      send(port, { id, ok: false, error: wire });
    }
  }

  const accept = (port: BridgePort) => {
    if (port.name !== BRIDGE_PORT) return;
    if (!fromOurPage(port.sender, options)) {
      const sender = port.sender;
      console.warn('[baton] bridge refused a port from', sender?.url ?? sender?.id ?? 'an unknown sender');
      port.disconnect();
      return;
    }
    ports.add(port);
    port.onMessage.addListener((raw) => void answer(port, raw));
    port.onDisconnect.addListener(() => ports.delete(port));
  };
  const stopListening = options.onConnect(accept);

  return {
    connections: () => ports.size,
    close() {
      stopListening();
      stopWatching();
      for (const port of ports) port.disconnect();
      ports.clear();
    },
  };
}
