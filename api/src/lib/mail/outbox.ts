import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.ts';
import { mailOutbox } from '../../db/schema.ts';
import type { Logger } from '../logger.ts';

/*
 * The mail outbox: a mail is a row written in the same transaction as what caused it, so a
 * crash or an SMTP outage loses nothing. A worker in every API process claims due rows with
 * FOR UPDATE SKIP LOCKED (several processes never send one row twice), sends them and records
 * the outcome; a failed attempt is retried with exponential backoff. Generic: invitations,
 * password resets and, later, notifications all go through here.
 */

export interface OutgoingMail {
  orgId: string;
  /** What the mail is for, e.g. 'invitation'. */
  kind: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** Sends one message; throws when the server refuses it or cannot be reached. */
export interface MailTransport {
  send(message: { from: string; to: string; subject: string; text: string; html?: string }): Promise<void>;
  close?(): void;
}

export async function enqueueMail(tx: Tx, mail: OutgoingMail): Promise<string> {
  const id = randomUUID();
  await tx.insert(mailOutbox).values({ orgId: mail.orgId, id, kind: mail.kind, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html ?? null });
  return id;
}

export interface OutboxOptions {
  database: Database;
  transport: MailTransport;
  from: string;
  logger: Logger;
  /** How often due mail is looked for when nothing wakes the worker. */
  pollMs?: number;
  /** Attempts before a mail is marked failed. */
  maxAttempts?: number;
  /** The wait after the first failure; doubled on every further one, at most an hour. */
  baseBackoffMs?: number;
  batchSize?: number;
}

export interface OutboxWorker {
  start(): void;
  /** Looks for due mail now (called after a mail is queued). */
  wake(): void;
  /** Sends what is due now; resolves to the number of mails attempted. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

type DueRow = {
  org_id: string;
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  attempts: number;
};

export function backoffMs(attempts: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 60 * 60 * 1000);
}

export function createOutboxWorker(options: OutboxOptions): OutboxWorker {
  const { database, transport, from, logger } = options;
  const pollMs = options.pollMs ?? 5000;
  const maxAttempts = options.maxAttempts ?? 12;
  const baseBackoffMs = options.baseBackoffMs ?? 30_000;
  const batchSize = options.batchSize ?? 10;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;
  let again = false;
  let stopped = true;

  async function runOnce(): Promise<number> {
    // One transaction per batch: the row locks keep other workers off these rows while they are
    // sent; a crash rolls back and the mail is sent again later (at least once, never lost).
    return database.db.transaction(async (tx) => {
      const due = await tx.execute<DueRow>(sql`
        select org_id, id, to_address, subject, text_body, html_body, attempts
        from mail_outbox
        where status = 'pending' and next_attempt_at <= now()
        order by next_attempt_at
        limit ${batchSize}
        for update skip locked`);
      for (const row of due) {
        try {
          await transport.send({ from, to: row.to_address, subject: row.subject, text: row.text_body, ...(row.html_body ? { html: row.html_body } : {}) });
          await tx.execute(sql`
            update mail_outbox set status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = null
            where org_id = ${row.org_id} and id = ${row.id}`);
        } catch (error) {
          const attempts = row.attempts + 1;
          const message = error instanceof Error ? error.message : String(error);
          const giveUp = attempts >= maxAttempts;
          logger.warn('mail not sent', { id: row.id, attempts, giveUp, error: message });
          await tx.execute(sql`
            update mail_outbox
            set attempts = ${attempts}, last_error = ${message.slice(0, 2000)},
                status = ${giveUp ? 'failed' : 'pending'},
                next_attempt_at = now() + make_interval(secs => ${backoffMs(attempts, baseBackoffMs) / 1000})
            where org_id = ${row.org_id} and id = ${row.id}`);
        }
      }
      return due.length;
    });
  }

  function schedule(delay: number) {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(tick, delay);
    timer.unref();
  }

  function tick() {
    timer = null;
    if (running) {
      again = true;
      return;
    }
    running = runOnce()
      .catch((error: unknown) => {
        logger.error('mail outbox failed', { error: error instanceof Error ? error.message : String(error) });
        return 0;
      })
      .finally(() => {
        running = null;
        const more = again;
        again = false;
        schedule(more ? 0 : pollMs);
      });
  }

  return {
    start() {
      stopped = false;
      schedule(0);
    },
    wake() {
      if (!stopped) schedule(0);
    },
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
      transport.close?.();
    },
  };
}
