/** The part of `runtime.Port` the bridge uses, so tests can wire both ends in memory. */
export interface BridgePort {
  readonly name: string;
  /** Set on the background's end: who connected (`tab` when the page is a frame inside a tab). */
  readonly sender?: { id?: string | undefined; url?: string | undefined; tab?: { id?: number | undefined } | undefined } | undefined;
  postMessage(message: unknown): void;
  disconnect(): void;
  readonly onMessage: {
    addListener(listener: (message: unknown) => void): void;
    removeListener(listener: (message: unknown) => void): void;
  };
  readonly onDisconnect: {
    addListener(listener: () => void): void;
    removeListener(listener: () => void): void;
  };
}
