export interface ConnectionFields {
  apiUrl: string;
  token: string;
}

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The API address: HTTPS, or plain HTTP only on this machine (self-hosting). CRM data never
 * travels unencrypted over a network.
 */
export function validateApiUrl(input: string): { ok: true; url: string } | { ok: false; error: string } {
  const raw = input.trim();
  if (raw === '') return { ok: false, error: 'Enter the address of your Baton API.' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch (error) {
    if (error instanceof TypeError) return { ok: false, error: 'This is not a web address (e.g. https://baton.example.com).' };
    throw error;
  }
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) {
    return { ok: false, error: 'Use https:// — plain http:// is only allowed for 127.0.0.1 or localhost.' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, error: 'The address must start with https://.' };
  if (url.username || url.password) return { ok: false, error: 'Leave credentials out of the address; use the token field.' };
  return { ok: true, url: url.origin + url.pathname.replace(/\/+$/, '') };
}

export function validateToken(input: string): { ok: true; token: string } | { ok: false; error: string } {
  const token = input.trim();
  if (token === '') return { ok: false, error: 'Paste your personal token.' };
  if (/\s/.test(token)) return { ok: false, error: 'A token has no spaces — copy it again.' };
  return { ok: true, token };
}

const DOMAIN = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/;

/** One domain per line or comma; `@acme.com` and `ACME.com` are accepted as `acme.com`. */
export function parseDomains(input: string): { ok: true; domains: string[] } | { ok: false; error: string } {
  const parts = input
    .split(/[\s,;]+/)
    .map((part) => part.trim().toLowerCase().replace(/^@/, ''))
    .filter((part) => part !== '');
  const bad = parts.filter((part) => !DOMAIN.test(part));
  if (bad.length > 0) return { ok: false, error: `Not a domain: ${bad.join(', ')}` };
  return { ok: true, domains: [...new Set(parts)] };
}

export function validateConnection(fields: ConnectionFields):
  | { ok: true; apiUrl: string; token: string }
  | { ok: false; errors: FieldErrors<keyof ConnectionFields> } {
  const url = validateApiUrl(fields.apiUrl);
  const token = validateToken(fields.token);
  if (url.ok && token.ok) return { ok: true, apiUrl: url.url, token: token.token };
  return { ok: false, errors: { ...(url.ok ? {} : { apiUrl: url.error }), ...(token.ok ? {} : { token: token.error }) } };
}
