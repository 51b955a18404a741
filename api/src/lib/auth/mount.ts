import type { Context } from 'hono';
import type { AppEnv } from '../../context.ts';
import { CLIENT_IP_HEADER } from './auth.ts';

interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string } };
}

/** The address of the peer that sent the request (the socket's, never a header a client can set). */
export function clientIp(c: Context<AppEnv>): string | null {
  return (c.env as NodeBindings | undefined)?.incoming?.socket?.remoteAddress ?? null;
}

/** Hands /api/auth/* to Better Auth, telling it the peer's address for its per-IP rate limits. */
export async function authHandler(c: Context<AppEnv>): Promise<Response> {
  const headers = new Headers(c.req.raw.headers);
  headers.delete(CLIENT_IP_HEADER);
  const ip = clientIp(c);
  if (ip) headers.set(CLIENT_IP_HEADER, ip);
  const request = new Request(c.req.raw, { headers });
  return c.var.services.auth.handler(request);
}
