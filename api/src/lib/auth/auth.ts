import { randomUUID } from 'node:crypto';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { authAccount, authRateLimit, authSession, authUser, authVerification, users } from '../../db/schema.ts';
import type { Env } from '../../env.ts';
import { recordAudit } from '../../services/audit/record.ts';
import type { Logger } from '../logger.ts';
import { enqueueMail } from '../mail/outbox.ts';

/*
 * Better Auth does the console's passwords (scrypt), sessions, password resets and sign-in rate
 * limits, on our database through its Drizzle adapter; its tables are in db/schema.ts and in the
 * same migrations as the rest. Baton keeps who belongs where and with which role (users); an
 * auth_user has the id and org_id of its Baton user. Sign-up is closed: people arrive through
 * "Create your team" or an invitation (services/team), which create both rows in one transaction.
 */

export const AUTH_BASE_PATH = '/api/auth';
/** The header the API sets from the socket's address for Better Auth's per-IP rate limits. */
export const CLIENT_IP_HEADER = 'x-baton-client-ip';

export interface AuthDeps {
  db: Db;
  env: Pick<Env, 'publicUrl' | 'smtpUrl'>;
  secret: string;
  logger: Logger;
  /** Called after a mail was queued, to send it without waiting for the next poll. */
  mailQueued: () => void;
  /** Sign-in attempts per IP per minute (tests raise it). */
  signInPerMinute?: number;
}

export function createAuth(deps: AuthDeps) {
  const { db, env, logger } = deps;
  return betterAuth({
    appName: 'Baton',
    baseURL: env.publicUrl,
    basePath: AUTH_BASE_PATH,
    secret: deps.secret,
    trustedOrigins: consoleOrigins(env.publicUrl),
    telemetry: { enabled: false },
    logger: { disabled: true },
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: { user: authUser, session: authSession, account: authAccount, verification: authVerification, rateLimit: authRateLimit },
    }),
    user: { additionalFields: { orgId: { type: 'string', required: true, input: false } } },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      async sendResetPassword({ user, url }) {
        const orgId = (user as { orgId?: string }).orgId;
        if (!orgId) return;
        if (!env.smtpUrl) logger.warn('password reset requested but BATON_SMTP_URL is not set: the mail waits in the outbox', { userId: user.id });
        await db.transaction(async (tx) => {
          await enqueueMail(tx, {
            orgId,
            kind: 'password_reset',
            to: user.email,
            subject: 'Reset your Baton password',
            text: `Someone (hopefully you) asked to reset the password of ${user.email} on Baton.\n\nChoose a new password: ${url}\n\nThe link works once, for one hour. If you did not ask, ignore this mail.`,
          });
          await recordAudit(tx, { orgId, actorId: user.id, action: 'auth.password_reset_requested', entityType: 'user', entityId: user.id });
        });
        deps.mailQueued();
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 300,
      customRules: {
        '/sign-in/email': { window: 60, max: deps.signInPerMinute ?? 10 },
        '/request-password-reset': { window: 60, max: 5 },
        '/reset-password': { window: 60, max: 10 },
        '/change-password': { window: 60, max: 10 },
      },
    },
    advanced: {
      cookiePrefix: 'baton',
      defaultCookieAttributes: { sameSite: 'lax', httpOnly: true },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      database: { generateId: () => randomUUID() },
    },
    databaseHooks: {
      session: {
        create: {
          async before(session) {
            const [user] = await db
              .select({ orgId: users.orgId, deactivatedAt: users.deactivatedAt })
              .from(users)
              .innerJoin(authUser, and(eq(authUser.orgId, users.orgId), eq(authUser.id, sql`${users.id}::text`)))
              .where(eq(authUser.id, session.userId))
              .limit(1);
            if (!user || user.deactivatedAt) throw new APIError('FORBIDDEN', { message: 'This account has been deactivated: ask an admin of your team' });
          },
          async after(session) {
            const [user] = await db.select({ orgId: authUser.orgId }).from(authUser).where(eq(authUser.id, session.userId)).limit(1);
            if (!user) return;
            await recordAudit(db, {
              orgId: user.orgId,
              actorId: session.userId,
              action: 'auth.sign_in',
              entityType: 'user',
              entityId: session.userId,
              after: { ipAddress: session.ipAddress ?? null, userAgent: session.userAgent ?? null },
            });
          },
        },
      },
    },
    hooks: {
      after: createAuthMiddleware(async (ctx) => {
        // A changed password ends every other session, whatever the client asked for.
        if (ctx.path !== '/change-password') return;
        const current = ctx.context.newSession ?? ctx.context.session;
        if (!current) return;
        await db.delete(authSession).where(and(eq(authSession.userId, current.user.id), ne(authSession.token, current.session.token)));
        const [user] = await db.select({ orgId: authUser.orgId }).from(authUser).where(eq(authUser.id, current.user.id)).limit(1);
        if (user) await recordAudit(db, { orgId: user.orgId, actorId: current.user.id, action: 'auth.password_change', entityType: 'user', entityId: current.user.id });
      }),
    },
  });
}

export type BatonAuth = ReturnType<typeof createAuth>;

/** The console's origin, and its loopback alias (localhost ↔ 127.0.0.1) when it is a local one. */
export function consoleOrigins(publicUrl: string): string[] {
  const url = new URL(publicUrl);
  const origins = [url.origin];
  const alias = url.hostname === 'localhost' ? '127.0.0.1' : url.hostname === '127.0.0.1' ? 'localhost' : null;
  if (alias) origins.push(`${url.protocol}//${alias}${url.port ? `:${url.port}` : ''}`);
  return origins;
}

/** Ends every console session of a user (deactivation). */
export async function endSessions(db: Db, userId: string): Promise<void> {
  await db.delete(authSession).where(eq(authSession.userId, userId));
}
