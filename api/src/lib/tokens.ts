import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'baton';

/**
 * A token names its organisation (so the lookup key includes org_id, like every other key) and
 * carries 256 random bits. Only its SHA-256 is stored.
 */
export function generateToken(orgId: string): string {
  return `${PREFIX}_${orgId.replaceAll('-', '')}_${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The organisation a token claims to belong to, or null when it is not shaped like one of ours. */
export function tokenOrgId(token: string): string | null {
  const match = /^baton_([0-9a-f]{32})_[A-Za-z0-9_-]{43}$/.exec(token);
  if (!match?.[1]) return null;
  const hex = match[1];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
