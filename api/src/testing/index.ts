import { randomBytes } from 'node:crypto';
import type { Role, User } from '@baton/shared';
import postgres from 'postgres';
import { createApp, type App } from '../app.ts';
import type { Services } from '../context.ts';
import { openDatabase } from '../db/client.ts';
import { loadEnv, type Env } from '../env.ts';
import { addUser, createOrg, createToken } from '../services/admin.ts';
import { closeServices, createServices } from '../services/index.ts';
import { createLogger } from '../services/logger.ts';

/*
 * A real database per test file: in-memory PGlite, or — when DATABASE_URL is set — a fresh
 * database on that PostgreSQL server, dropped afterwards.
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
  /** The PostgreSQL URL of this test's own database, when running against a server. */
  databaseUrl: string | undefined;
  request(method: string, path: string, options?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<Response>;
  /** An organisation with one user of every role, each with a token. */
  seedOrg(name?: string): Promise<TestOrg>;
  close(): Promise<void>;
}

export async function createTestDatabaseUrl(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `baton_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const dropper = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

export async function createTestApi(overrides: Partial<Env> = {}): Promise<TestApi> {
  const serverUrl = process.env.DATABASE_URL || undefined;
  const scratch = serverUrl ? await createTestDatabaseUrl(serverUrl) : null;
  const env: Env = { ...loadEnv({}), databaseUrl: scratch?.url, rateLimitPerMinute: 100_000, ...overrides };
  const database = await openDatabase({ databaseUrl: scratch?.url, dataDir: 'memory', poolSize: 5 });
  const services = await createServices(env, { database, logger: createLogger('silent') });
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
    databaseUrl: scratch?.url,
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
    async close() {
      await closeServices(services);
      await scratch?.drop();
    },
  };
}
