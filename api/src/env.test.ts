import { isAbsolute } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadEnv } from './env.ts';

describe('loadEnv', () => {
  it('has working defaults: the embedded database on 127.0.0.1:8787', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({ databaseUrl: undefined, port: 8787, host: '127.0.0.1', logLevel: 'info', extensionOrigins: [] });
    expect(isAbsolute(env.dataDir)).toBe(true);
    expect(env.dataDir.endsWith('/.baton/data')).toBe(true);
  });

  it('reads a PostgreSQL URL, a port and the allowed extension origins', () => {
    const env = loadEnv({
      DATABASE_URL: 'postgres://baton@db:5432/baton',
      PORT: '9000',
      BATON_EXTENSION_ORIGINS: 'chrome-extension://abc, moz-extension://def',
    });
    expect(env).toMatchObject({ databaseUrl: 'postgres://baton@db:5432/baton', port: 9000, extensionOrigins: ['chrome-extension://abc', 'moz-extension://def'] });
  });

  it('uses prepared statements unless told not to', () => {
    expect(loadEnv({}).preparedStatements).toBe(true);
    expect(loadEnv({ BATON_PREPARED_STATEMENTS: 'false' }).preparedStatements).toBe(false);
  });

  it('resolves a relative data folder from where pnpm was run', () => {
    expect(loadEnv({ BATON_DATA_DIR: 'mine', INIT_CWD: '/srv/baton' }).dataDir).toBe('/srv/baton/mine');
  });

  it('reads the mail and console settings, with the console at http://HOST:PORT by default', () => {
    expect(loadEnv({})).toMatchObject({ smtpUrl: undefined, authSecret: undefined, publicUrl: 'http://127.0.0.1:8787', mailFrom: 'Baton <baton@localhost>' });
    const env = loadEnv({
      BATON_SMTP_URL: 'smtp://user:pass@mail.example.com:587',
      BATON_MAIL_FROM: 'Baton <baton@example.com>',
      BATON_PUBLIC_URL: 'https://baton.example.com/',
      BATON_AUTH_SECRET: 'x'.repeat(32),
    });
    expect(env).toMatchObject({ smtpUrl: 'smtp://user:pass@mail.example.com:587', mailFrom: 'Baton <baton@example.com>', publicUrl: 'https://baton.example.com', authSecret: 'x'.repeat(32) });
  });

  it.each([
    [{ BATON_SMTP_URL: 'mail.example.com' }, 'BATON_SMTP_URL'],
    [{ BATON_PUBLIC_URL: 'baton.example.com' }, 'BATON_PUBLIC_URL'],
    [{ BATON_PUBLIC_URL: 'https://baton.example.com/console' }, 'BATON_PUBLIC_URL'],
    [{ BATON_AUTH_SECRET: 'short' }, 'BATON_AUTH_SECRET'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL: must be a postgres:// or postgresql:// URL'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ BATON_LOG_LEVEL: 'chatty' }, 'BATON_LOG_LEVEL'],
    [{ BATON_BODY_LIMIT: '10' }, 'BATON_BODY_LIMIT'],
    [{ BATON_PREPARED_STATEMENTS: 'sometimes' }, 'BATON_PREPARED_STATEMENTS'],
  ])('refuses %j with a message naming the variable', (source, fragment) => {
    expect(() => loadEnv(source)).toThrow(ConfigError);
    expect(() => loadEnv(source)).toThrow(fragment);
  });
});
