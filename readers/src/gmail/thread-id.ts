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

/** A page value Baton does not know how to read, kept as is (trimmed, `#` dropped) so it still names one thing. */
export function opaqueId(raw: string): string | null {
  const value = raw.trim().replace(/^#/, '');
  if (value === '' || value === 'undefined' || value === 'null' || !/^[\x21-\x7e]{1,200}$/.test(value)) return null;
  return `opaque:${value}`;
}

export interface IdRead {
  id: string;
  /** False for an `opaque:` id: it identifies, but cannot be compared with other spellings. */
  known: boolean;
}

/** A thread id from any attribute value: canonical when the spelling is known, else opaque. */
export function readThreadIdValue(raw: string): IdRead | null {
  const known = normalizeThreadId(raw.replace(/^#/, ''));
  if (known !== null) return { id: known, known: true };
  const opaque = opaqueId(raw);
  return opaque === null ? null : { id: opaque, known: false };
}

const FIXED_MESSAGE = /^(?:msg-f:)?(\d{1,20})$/;
const ACCOUNT_MESSAGE = /^msg-a:[\w:-]+$/;

/**
 * A message id from `data-message-id` (`#msg-f:<decimal>`, `msg-a:r-…`, or a spelling never seen)
 * and `data-legacy-message-id` (16-hex): the decimal when either gives it, the raw `msg-a:` form,
 * else the page's value kept opaque.
 */
export function readMessageIdValues(rawId: string, rawLegacy: string): (IdRead & { legacyMessageId: string | null }) | null {
  const raw = rawId.trim().replace(/^#/, '');
  const legacyText = rawLegacy.trim().toLowerCase();
  const legacy = hexIdToDecimal(legacyText) === null ? null : legacyText;
  const fixed = FIXED_MESSAGE.exec(raw)?.[1];
  const fixedHex = fixed === undefined ? null : decimalToHexId(fixed);
  if (fixed !== undefined && fixedHex !== null) return { id: BigInt(fixed).toString(10), known: true, legacyMessageId: legacy ?? fixedHex };
  if (ACCOUNT_MESSAGE.test(raw)) return { id: raw, known: true, legacyMessageId: legacy };
  // Only the legacy hex is usable: store its decimal so one message always has one id.
  const fromLegacy = legacy === null ? null : hexIdToDecimal(legacy);
  if (fromLegacy !== null) return { id: fromLegacy, known: true, legacyMessageId: legacy };
  const opaque = opaqueId(rawId) ?? opaqueId(rawLegacy);
  return opaque === null ? null : { id: opaque, known: false, legacyMessageId: null };
}

/**
 * The thread a message id implies: in Gmail a thread's id is its first message's id
 * (`msg-f:<n>` → the hex of n, `msg-a:x` → `thread-a:x`, an opaque id → itself).
 */
export function threadIdFromMessageId(messageId: string): string | null {
  if (/^\d{1,20}$/.test(messageId)) return decimalToHexId(messageId);
  // An unknown spelling stays what it was: the first message's id still names this thread alone.
  if (messageId.startsWith('opaque:')) return messageId;
  const account = /^msg-(a:[\w:-]+)$/.exec(messageId)?.[1];
  return account === undefined ? null : `thread-${account}`;
}
