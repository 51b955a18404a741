import type { IncomingMessage } from 'node:http';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';

/**
 * A token bucket per key (an API token, or a client address), refilled continuously. It lives in
 * the process: with several API processes each enforces the limit on the requests it serves.
 */
export interface RateLimiter {
  /** Takes one request from the key's bucket; returns the seconds to wait when it is empty. */
  take(key: string, now?: number): { allowed: true } | { allowed: false; retryAfterSeconds: number };
}

export function createRateLimiter(perMinute: number, maxKeys = 100_000): RateLimiter {
  // Map order is least recently used first: each take moves its key to the end.
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refillPerMs = perMinute / 60_000;
  return {
    take(key, now = Date.now()) {
      const bucket = buckets.get(key) ?? { tokens: perMinute, at: now };
      bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.at) * refillPerMs);
      bucket.at = now;
      buckets.delete(key);
      // Full: forget the bucket unused longest (a full one, most likely) rather than every bucket,
      // which would hand each busy client a fresh allowance.
      if (buckets.size >= maxKeys) {
        const oldest = buckets.keys().next();
        if (!oldest.done) buckets.delete(oldest.value);
      }
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true };
      }
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000)) };
    },
  };
}

export const rateLimited = (retryAfterSeconds: number) =>
  new ApiError(429, 'rate_limited', `Too many requests: try again in ${retryAfterSeconds} s`, undefined, { 'Retry-After': String(retryAfterSeconds) });

/** The peer address of the connection (not X-Forwarded-For, which any client can write). */
function clientAddress(env: unknown): string {
  const bindings = env as { incoming?: IncomingMessage; server?: { incoming?: IncomingMessage } } | undefined;
  return (bindings?.server?.incoming ?? bindings?.incoming)?.socket.remoteAddress ?? 'unknown';
}

/** Before auth: a flood of requests, with or without well-formed tokens, costs no database lookups. */
export const limitByAddress = createMiddleware<AppEnv>(async (c, next) => {
  const limit = c.var.services.addressLimiter.take(clientAddress(c.env));
  if (!limit.allowed) throw rateLimited(limit.retryAfterSeconds);
  await next();
});
