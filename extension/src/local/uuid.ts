/*
 * RFC 9562 UUIDs. v4 for records the user creates; v5 (name-based, SHA-1) for records that have a
 * natural identity elsewhere — a Gmail message — so two machines logging it produce the same id.
 */

export function uuidv4(): string {
  return crypto.randomUUID();
}

/** Fixed namespace for Baton's name-based ids. Changing it would re-key every logged email. */
export const BATON_NAMESPACE = '6f1c2b7e-3d4a-4e8f-9b0c-5a6d7e8f9a0b';

function uuidBytes(uuid: string): Uint8Array {
  const hex = uuid.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`not a UUID: ${uuid}`);
  const bytes = new Uint8Array(16);
  for (let i = 0; i < 16; i += 1) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

function formatUuid(bytes: Uint8Array): string {
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export async function uuidv5(name: string, namespace: string = BATON_NAMESPACE): Promise<string> {
  const nameBytes = new TextEncoder().encode(name);
  const input = new Uint8Array(16 + nameBytes.length);
  input.set(uuidBytes(namespace));
  input.set(nameBytes, 16);
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-1', input)).slice(0, 16);
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  return formatUuid(hash);
}

/** The activity id of a Gmail message, the same on every machine and every time. */
export function gmailActivityId(messageId: string): Promise<string> {
  return uuidv5(`gmail:${messageId}`);
}
