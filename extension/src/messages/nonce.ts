import { z } from 'zod/mini';

/** 128 random bits, base64url: names one content-script instance and the sidebar frame it made. */
export const Nonce = z.string().check(z.regex(/^[A-Za-z0-9_-]{22}$/));

export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
