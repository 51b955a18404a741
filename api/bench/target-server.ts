import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { loadEnv } from '../src/env.ts';
import { startServer } from '../src/server.ts';

/*
 * The process under load: the real API (configured by the environment, port 0) and, beside it,
 * a bare Hono "hello" route as the floor. The load generator runs in another process so the two
 * do not share one event loop.
 */

const api = await startServer({ ...loadEnv(process.env), port: 0 });
const floor = createAdaptorServer({ fetch: new Hono().get('/hello', (c) => c.text('hello')).fetch }) as Server;
await new Promise<void>((resolve) => floor.listen(0, '127.0.0.1', resolve));
const floorUrl = `http://127.0.0.1:${(floor.address() as AddressInfo).port}`;
process.stdout.write(`${JSON.stringify({ url: api.url, floorUrl })}\n`);

process.on('SIGTERM', () => {
  floor.close();
  floor.closeAllConnections();
  api.close().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`closing failed: ${String(error)}\n`);
      process.exit(1);
    },
  );
});
