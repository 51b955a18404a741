/**
 * The typed RPC bridge between extension pages and the background, which alone opens the Dexie
 * database and calls the API (a third-party frame such as the sidebar inside Gmail may be denied
 * IndexedDB). One method table (`bridgeMethods` in protocol.ts) with zod-checked params.
 *
 *   Page:        const bridge = pageBridge();
 *                await bridge.call('addNote', { contactId, text }, { onProgress })
 *                useBridgeQuery('syncStatus', {}, [])   // re-runs on every database change
 *   Background:  startBackgroundBridge(db, syncNow)      // before the database first opens
 *
 * Failures arrive as `ApiClientError` (API kinds, details intact: a 422 lists missing fields) or
 * `BridgeError` (invalid_params, unknown_method, not_configured, failed, disconnected).
 */
export { BRIDGE_PORT, bridgeMethods, type BridgeMethod, type BridgeParams, type BridgeResult, type HomeItems, type ThreadBrief } from './protocol.ts';
export { createBridgeClient, type BridgeClient, type BridgeClientOptions, type CallOptions } from './client.ts';
export { startBridgeServer, type BridgeServer, type BridgeServerOptions } from './server.ts';
export { BridgeError, isBridgeError } from './errors.ts';
export type { BridgePort } from './port.ts';
