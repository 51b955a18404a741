import { browser } from 'wxt/browser';
import { createBridgeClient, type BridgeClient } from './client.ts';
import { BRIDGE_PORT } from './wire.ts';

let shared: BridgeClient | null = null;

/** This extension page's one connection to the background (sidebar frame, popup). */
export function pageBridge(): BridgeClient {
  shared ??= createBridgeClient({ connect: () => browser.runtime.connect({ name: BRIDGE_PORT }) });
  return shared;
}
