/**
 * Gmail names one thread three ways: a 16-hex legacy id, a decimal `thread-f:<n>` perm id, and a
 * URL token. Everything is reduced to one canonical id (the 16-hex form) so the same thread read
 * from data attributes or from the URL compares equal. `thread-a:` ids (drafts the user started)
 * have no numeric form and stay raw.
 */

const HEX_ID = /^[0-9a-f]{16}$/i;
const DECIMAL = /^\d{1,20}$/;
const MAX_U64 = (1n << 64n) - 1n;
const ACCOUNT_THREAD = /^(?:thread-)?(a:[\w:-]+)$/;
const FIXED_THREAD = /^(?:thread-)?f:(\d{1,20})$/;

// URL tokens are a big number written in this consonant alphabet; rewritten in base64's alphabet
// the same number spells base64 of `f:<decimal>` (or `thread-a:...`).
const TOKEN_ALPHABET = 'BCDFGHJKLMNPQRSTVWXZbcdfghjklmnpqrstvwxz';
const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const TOKEN_SHAPE = /^[BCDFGHJKLMNPQRSTVWXZbcdfghjklmnpqrstvwxz]{4,80}$/;

/** The 16-hex id of a decimal Gmail id, or null when it is not a 64-bit number. */
export function decimalToHexId(decimal: string): string | null {
  if (!DECIMAL.test(decimal)) return null;
  const value = BigInt(decimal);
  if (value === 0n || value > MAX_U64) return null;
  return value.toString(16).padStart(16, '0');
}

/** The decimal form of a 16-hex Gmail id, or null. */
export function hexIdToDecimal(hex: string): string | null {
  return HEX_ID.test(hex) ? BigInt(`0x${hex}`).toString(10) : null;
}

/**
 * The canonical thread id for any spelling Gmail uses in the page: `18f3c2a1b4d5e6f7`,
 * `thread-f:1797994676030400247`, `f:...`, `thread-a:r-...`. Null for anything else, including
 * the literal `undefined` Gmail has written into `data-thread-perm-id` since late 2025.
 */
export function normalizeThreadId(raw: string): string | null {
  const value = raw.trim();
  if (HEX_ID.test(value)) return value.toLowerCase();
  const fixed = FIXED_THREAD.exec(value);
  if (fixed?.[1] !== undefined) return decimalToHexId(fixed[1]);
  const account = ACCOUNT_THREAD.exec(value);
  if (account?.[1] !== undefined) return `thread-${account[1]}`;
  return null;
}

function convertBase(digits: string, from: string, to: string): string {
  let value = 0n;
  const fromBase = BigInt(from.length);
  for (const char of digits) value = value * fromBase + BigInt(from.indexOf(char));
  const toBase = BigInt(to.length);
  let out = '';
  while (value > 0n) {
    out = to.charAt(Number(value % toBase)) + out;
    value /= toBase;
  }
  return out;
}

/**
 * The canonical thread id named by a URL token (a 16-hex legacy id or a consonant-alphabet token
 * like `FMfcgz...`), or null when the token is neither.
 */
export function decodeThreadToken(token: string): string | null {
  if (HEX_ID.test(token)) return token.toLowerCase();
  if (!TOKEN_SHAPE.test(token)) return null;
  const base64 = convertBase(token, TOKEN_ALPHABET, BASE64_ALPHABET);
  // A base64 text of length 4n+1 cannot come from any byte string; atob would reject it.
  if (base64.length % 4 === 1) return null;
  const decoded = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
  if (!/^[\x20-\x7e]+$/.test(decoded)) return null;
  return normalizeThreadId(decoded);
}

/** The `FMfcgz...` URL token for a canonical hex thread id (what Gmail puts in the address bar). */
export function encodeThreadToken(threadId: string): string | null {
  const decimal = hexIdToDecimal(threadId);
  if (decimal === null) return null;
  const base64 = btoa(`f:${decimal}`).replace(/=+$/, '');
  return convertBase(base64, BASE64_ALPHABET, TOKEN_ALPHABET);
}
