import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi, type TestOrg } from '../../testing/index.ts';
import { createLogger } from '../logger.ts';
import { createOutboxWorker, enqueueMail } from './outbox.ts';
import { smtpTransport } from './smtp.ts';

/* The outbox against a real SMTP server (smtp-server) that this test starts and can break. */

interface Received {
  to: string[];
  data: string;
}

function startSmtp() {
  const received: Received[] = [];
  const state = { failNext: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      stream.on('end', () => {
        if (state.failNext > 0) {
          state.failNext -= 1;
          const error = Object.assign(new Error('451 try again later'), { responseCode: 451 });
          callback(error);
          return;
        }
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
        callback();
      });
    },
  });
  return new Promise<{ url: string; received: Received[]; state: typeof state; close(): Promise<void> }>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.server.address() as AddressInfo;
      resolve({ url: `smtp://127.0.0.1:${port}`, received, state, close: () => new Promise<void>((done) => server.close(() => done())) });
    });
  });
}

let api: TestApi;
let org: TestOrg;
let smtp: Awaited<ReturnType<typeof startSmtp>>;

beforeAll(async () => {
  smtp = await startSmtp();
  api = await createTestApi({ smtpUrl: smtp.url, mailFrom: 'Baton <baton@test.example>' }, { outbox: { pollMs: 60_000, baseBackoffMs: 0 } });
  org = await api.seedOrg();
});
afterAll(async () => {
  await api.close();
  await smtp.close();
});
afterEach(() => {
  smtp.received.length = 0;
  smtp.state.failNext = 0;
});

const logger = createLogger('silent');
const statusOf = async (id: string) =>
  (await api.services.database.db.execute<{ status: string; attempts: number; last_error: string | null }>(sql`select status, attempts, last_error from mail_outbox where id = ${id}`))[0];

describe('mail outbox', () => {
  it('an SMTP server that fails then recovers delivers the mail exactly once', async () => {
    const worker = createOutboxWorker({ database: api.services.database, transport: smtpTransport(smtp.url), from: 'baton@test.example', logger, baseBackoffMs: 0 });
    const id = await enqueueMail(api.services.database.db, { orgId: org.id, kind: 'test', to: 'rep@example.com', subject: 'Hello', text: 'First mail' });
    smtp.state.failNext = 2;
    expect(await worker.runOnce()).toBe(1);
    expect(await statusOf(id)).toMatchObject({ status: 'pending', attempts: 1 });
    expect((await statusOf(id))?.last_error).toMatch(/try again later/);
    expect(await worker.runOnce()).toBe(1);
    expect(await worker.runOnce()).toBe(1);
    expect(await statusOf(id)).toMatchObject({ status: 'sent', attempts: 3, last_error: null });
    expect(await worker.runOnce()).toBe(0);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]?.to).toEqual(['rep@example.com']);
    expect(smtp.received[0]?.data).toContain('First mail');
    await worker.stop();
  });

  it('a server that cannot be reached loses nothing: the mail waits for the next attempt', async () => {
    const worker = createOutboxWorker({ database: api.services.database, transport: smtpTransport('smtp://127.0.0.1:1'), from: 'baton@test.example', logger, baseBackoffMs: 0 });
    const id = await enqueueMail(api.services.database.db, { orgId: org.id, kind: 'test', to: 'later@example.com', subject: 'Later', text: 'Second mail' });
    await worker.runOnce();
    expect(await statusOf(id)).toMatchObject({ status: 'pending', attempts: 1 });
    await worker.stop();
    // Another process (the one below, with a working server) sends it.
    const healthy = createOutboxWorker({ database: api.services.database, transport: smtpTransport(smtp.url), from: 'baton@test.example', logger, baseBackoffMs: 0 });
    await healthy.runOnce();
    expect(await statusOf(id)).toMatchObject({ status: 'sent' });
    expect(smtp.received.map((m) => m.to[0])).toEqual(['later@example.com']);
    await healthy.stop();
  });

  it('waits out the backoff and gives up after the last attempt', async () => {
    const worker = createOutboxWorker({ database: api.services.database, transport: smtpTransport(smtp.url), from: 'baton@test.example', logger, baseBackoffMs: 60_000, maxAttempts: 2 });
    const id = await enqueueMail(api.services.database.db, { orgId: org.id, kind: 'test', to: 'never@example.com', subject: 'Never', text: 'Third mail' });
    smtp.state.failNext = 5;
    await worker.runOnce();
    expect(await worker.runOnce()).toBe(0); // not due for a minute
    await api.services.database.db.execute(sql`update mail_outbox set next_attempt_at = now() where id = ${id}`);
    await worker.runOnce();
    expect(await statusOf(id)).toMatchObject({ status: 'failed', attempts: 2 });
    await worker.stop();
  });

  it('several workers at once send each mail once (FOR UPDATE SKIP LOCKED)', async () => {
    const ids = await Promise.all(
      Array.from({ length: 12 }, (_, i) => enqueueMail(api.services.database.db, { orgId: org.id, kind: 'test', to: `many${i}@example.com`, subject: `Many ${i}`, text: 'Many' })),
    );
    const workers = Array.from({ length: 3 }, () =>
      createOutboxWorker({ database: api.services.database, transport: smtpTransport(smtp.url), from: 'baton@test.example', logger, batchSize: 2 }),
    );
    for (let round = 0; round < 6; round += 1) await Promise.all(workers.map((w) => w.runOnce()));
    for (const id of ids) expect((await statusOf(id))?.status).toBe('sent');
    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `many${i}@example.com`).sort());
    await Promise.all(workers.map((w) => w.stop()));
  });

  it('an invitation with SMTP configured is mailed with its link, and the API does not return the link', async () => {
    const res = await api.request('POST', '/v1/team/invitations', { token: org.users.admin.token, body: { email: 'mailed@example.com', role: 'ae' } });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { mailConfigured: boolean; link: string | null };
    expect(body).toMatchObject({ mailConfigured: true, link: null });
    // Queuing woke this process's worker: the mail leaves without waiting for a poll.
    await expect.poll(() => smtp.received.length, { timeout: 10_000 }).toBe(1);
    // Undo quoted-printable's soft line breaks before reading the link.
    const text = (smtp.received[0]?.data ?? '').replace(/=\r\n/g, '');
    expect(text).toMatch(/Subject: .*invited you to/);
    const link = /http:\/\/localhost\/invite\/[A-Za-z0-9_-]+/.exec(text)?.[0] ?? '';
    const token = link.split('/invite/')[1] ?? '';
    expect((await api.request('GET', `/v1/invitations/${token}`)).status).toBe(200);
  });
});
