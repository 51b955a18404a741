/**
 * The one typed channel between extension pages (sidebar frame, popup) and the background, which
 * alone opens the Dexie database and calls the API (a third-party frame such as the sidebar
 * inside Gmail is denied IndexedDB). The handler table in router.ts is the source of truth: each
 * entry's zod schema parses the params on arrival, and the page takes its types from it.
 *
 *   Page:        const bridge = pageBridge();                       // or useBridge() in React
 *                await bridge.logThread({ thread, target }, { onProgress })
 *                useQuery(useLiveQueries().syncStatus({}))           // re-read on every database change
 *   Background:  startBackgroundBridge(db, syncNow)                 // background.ts, before the database first opens
 *   New method:  one entry in router.ts calling one local/ function.
 *
 * This index is what pages may import; the server side (server.ts, router.ts) stays out of their bundles.
 *
 * Failures arrive as `ApiClientError` (API kinds, details intact: a 422 lists missing fields) or
 * `BridgeError` (invalid_params, unknown_method, not_configured, failed, disconnected).
 */
export { BRIDGE_PORT } from './wire.ts';
export type { AppRouter } from './router.ts';
export type { BridgeMethod, BridgeMethods, BridgeParams, BridgeProgress, BridgeResult, CallOptions } from './types.ts';
export { createBridgeClient, type BridgeClient, type BridgeClientOptions } from './client.ts';
export { BridgeError, isBridgeError } from './errors.ts';
export type { BridgePort } from './port.ts';
