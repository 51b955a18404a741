import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The repository root: relative paths in the configuration are taken from where the user ran pnpm. */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const int = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const EnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  BATON_DATA_DIR: z.string().trim().min(1).default('.baton/data'),
  PORT: int(8787, 0, 65_535),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  BATON_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** Requests per token per minute. */
  BATON_RATE_LIMIT: int(1200, 1, 1_000_000),
  /** Requests per client address per minute, counted before auth (so unauthenticated floods are limited too). */
  BATON_ADDRESS_RATE_LIMIT: int(6000, 1, 10_000_000),
  /** Largest accepted request body, in bytes. */
  BATON_BODY_LIMIT: int(5 * 1024 * 1024, 1024, 100 * 1024 * 1024),
  /** How often open notification streams re-check their token (a revoked one ends its streams). */
  BATON_STREAM_RECHECK_MS: int(2000, 100, 60_000),
  /** Notification streams one token may hold open at once, per API process. */
  BATON_STREAMS_PER_TOKEN: int(5, 1, 1000),
  /** Comma-separated extension origins allowed by CORS; empty allows any chrome-/moz-extension origin. */
  BATON_EXTENSION_ORIGINS: z.string().default(''),
  /** Signs the console's session cookies; generated and kept in BATON_DATA_DIR when absent. */
  BATON_AUTH_SECRET: z.string().trim().min(32, 'must be at least 32 characters').optional().or(z.literal('').transform(() => undefined)),
  /** Where mail leaves, e.g. smtp://user:pass@host:587 (smtps:// for TLS); absent: invite links are shown instead. */
  BATON_SMTP_URL: z
    .string()
    .trim()
    .regex(/^smtps?:\/\/[^/]/, 'must be an smtp:// or smtps:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  BATON_MAIL_FROM: z.string().trim().min(3).default('Baton <baton@localhost>'),
  /** The console's address that links in mail point to; defaults to http://HOST:PORT. */
  BATON_PUBLIC_URL: z
    .string()
    .trim()
    .regex(/^https?:\/\/[^/]+\/?$/, 'must be an http(s):// origin such as https://baton.example.com')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /**
   * Named (prepared) statements for the hot queries: on by default. Turn off ("false") behind a
   * pooler that cannot keep them, e.g. PgBouncer in transaction mode before 1.21 (docs/scaling.md).
   */
  BATON_PREPARED_STATEMENTS: z.enum(['true', 'false']).default('true'),
});

export interface Env {
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  rateLimitPerMinute: number;
  addressRateLimitPerMinute: number;
  bodyLimitBytes: number;
  extensionOrigins: string[];
  streamRecheckMs: number;
  maxStreamsPerToken: number;
  /** Undefined: read from (or generated into) the data directory at start. */
  authSecret: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** The console's origin, without a trailing slash. */
  publicUrl: string;
  /** Whether the driver may use named (prepared) statements (BATON_PREPARED_STATEMENTS). */
  preparedStatements: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Baton's configuration is invalid:\n${lines.join('\n')}`);
  }
  const value = parsed.data;
  const base = source.INIT_CWD ?? repoRoot;
  return {
    databaseUrl: value.DATABASE_URL,
    dataDir: isAbsolute(value.BATON_DATA_DIR)
      ? value.BATON_DATA_DIR
      : resolve(source.BATON_DATA_DIR ? base : repoRoot, value.BATON_DATA_DIR),
    port: value.PORT,
    host: value.HOST,
    logLevel: value.BATON_LOG_LEVEL,
    rateLimitPerMinute: value.BATON_RATE_LIMIT,
    addressRateLimitPerMinute: value.BATON_ADDRESS_RATE_LIMIT,
    bodyLimitBytes: value.BATON_BODY_LIMIT,
    streamRecheckMs: value.BATON_STREAM_RECHECK_MS,
    maxStreamsPerToken: value.BATON_STREAMS_PER_TOKEN,
    extensionOrigins: value.BATON_EXTENSION_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin !== ''),
    authSecret: value.BATON_AUTH_SECRET,
    smtpUrl: value.BATON_SMTP_URL,
    mailFrom: value.BATON_MAIL_FROM,
    publicUrl: (value.BATON_PUBLIC_URL ?? `http://${value.HOST === '0.0.0.0' ? 'localhost' : value.HOST}:${value.PORT}`).replace(/\/$/, ''),
    preparedStatements: value.BATON_PREPARED_STATEMENTS === 'true',
  };
}
