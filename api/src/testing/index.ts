import { randomBytes } from 'node:crypto';
import type { Role, User } from '@baton/shared';
import postgres from 'postgres';
import { inject } from 'vitest';
import { createApp, type App } from '../app.ts';
import type { Services } from '../context.ts';
import { openDatabase } from '../db/client.ts';
import { loadEnv, type Env } from '../env.ts';
import type { TestDatabaseServer } from './global-setup.ts';
import { addUser, createOrg, createToken } from '../services/admin/admin.ts';
import { closeServices, createServices, type ServiceOptions } from '../services/index.ts';
import { givePassword } from '../services/team/accounts.ts';
import { createLogger } from '../lib/logger.ts';

/*
 * A real database per test file, on PostgreSQL: a copy of the migrated template that the run's
 * globalSetup (./global-setup.ts) made on the embedded test cluster or on DATABASE_URL's server,
 * dropped afterwards.
 */

export interface TestUser extends User {
  token: string;
}

export interface TestOrg {
  id: string;
  name: string;
  users: Record<Role, TestUser>;
}

export interface TestApi {
  app: App;
  services: Services;
  /** The PostgreSQL URL of this test file's own database. */
  databaseUrl: string;
  request(method: string, path: string, options?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<Response>;
  /** An organisation with one user of every role, each with a token. */
  seedOrg(name?: string): Promise<TestOrg>;
  /** Gives the user a console password and signs in: the Cookie header of the session. */
  signIn(user: Pick<User, 'orgId' | 'id' | 'email' | 'name'>, password?: string): Promise<string>;
  close(): Promise<void>;
}

/** The test run's PostgreSQL (see global-setup.ts); a suite without that globalSetup cannot open databases. */
export function testDatabaseServer(): TestDatabaseServer {
  let provided: TestDatabaseServer | undefined;
  try {
    provided = inject('batonTestDatabase');
  } catch {
    provided = undefined;
  }
  if (!provided) throw new Error("No test database: add globalSetup: ['@baton/api/testing/global-setup'] to this suite's vitest config");
  return provided;
}

/**
 * A fresh database for one test file: a copy of the run's migrated template, or — given a server
 * URL (the benchmark, the chaos run) — an empty database on that server.
 */
export async function createTestDatabaseUrl(serverUrl?: string): Promise<{ url: string; drop(): Promise<void> }> {
  const source = serverUrl ? { serverUrl, template: null } : testDatabaseServer();
  const name = `baton_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(source.serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(source.template ? `create database ${name} template ${source.template}` : `create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(source.serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const dropper = postgres(source.serverUrl, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/** The origin test requests are made to (app.request resolves paths against it). */
export const TEST_ORIGIN = 'http://localhost';

export async function createTestApi(overrides: Partial<Env> = {}, options: ServiceOptions = {}): Promise<TestApi> {
  const scratch = await createTestDatabaseUrl();
  // BATON_PREPARED_STATEMENTS=false runs the suite with unnamed statements only.
  const env: Env = {
    ...loadEnv({ BATON_PREPARED_STATEMENTS: process.env.BATON_PREPARED_STATEMENTS }),
    databaseUrl: scratch.url,
    rateLimitPerMinute: 100_000,
    addressRateLimitPerMinute: 1_000_000,
    authSecret: randomBytes(32).toString('hex'),
    publicUrl: TEST_ORIGIN,
    ...overrides,
  };
  const database = await openDatabase({ databaseUrl: scratch.url, poolSize: 5, preparedStatements: env.preparedStatements });
  const services = await createServices(env, { database, logger: createLogger('silent'), signInPerMinute: 1000, publicPerMinute: 1000, ...options });
  const app = createApp(services);
  let orgCount = 0;

  const request: TestApi['request'] = (method, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    }
    return Promise.resolve(app.request(path, { method, headers, body }));
  };

  return {
    app,
    services,
    databaseUrl: scratch.url,
    request,
    async seedOrg(name) {
      orgCount += 1;
      const org = await createOrg(services.database.db, name ?? `Org ${orgCount} ${randomBytes(3).toString('hex')}`);
      const roles: Role[] = ['sdr', 'ae', 'csm', 'marketing', 'manager', 'admin'];
      const entries = await Promise.all(
        roles.map(async (role) => {
          const user = await addUser(services.database.db, {
            orgId: org.id,
            email: `${role}@org${orgCount}.example.com`,
            name: `${role.toUpperCase()} ${orgCount}`,
            role,
          });
          const { token } = await createToken(services.database.db, user);
          return [role, { ...user, token }] as const;
        }),
      );
      return { ...org, users: Object.fromEntries(entries) as Record<Role, TestUser> };
    },
    async signIn(user, password = 'correct horse battery staple') {
      await services.database.db.transaction((tx) => givePassword(tx, user, password));
      const response = await app.request('/api/auth/sign-in/email', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: TEST_ORIGIN },
        body: JSON.stringify({ email: user.email, password }),
      });
      if (response.status !== 200) throw new Error(`sign-in answered ${response.status}: ${await response.text()}`);
      return sessionCookie(response);
    },
    async close() {
      await closeServices(services);
      await scratch.drop();
    },
  };
}

/** The Cookie header that carries the session a response set. */
export function sessionCookie(response: Response): string {
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('baton.session_token='));
  if (!cookie) throw new Error('the response set no session cookie');
  return cookie.split(';')[0] ?? '';
}
