import { randomUUID } from 'node:crypto';
import type { Role } from '@baton/shared';
import { hashPassword } from 'better-auth/crypto';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { authAccount, authUser, users } from '../../db/schema.ts';
import type { BatonAuth } from '../../lib/auth/auth.ts';
import { conflict } from '../../errors.ts';

/** A Baton user and the Better Auth user and password account that sign them in, in one transaction. */
export async function createPerson(
  tx: Tx,
  auth: BatonAuth,
  person: { orgId: string; email: string; name: string; role: Role; password: string },
): Promise<string> {
  const taken = await tx.select({ id: authUser.id }).from(authUser).where(eq(authUser.email, person.email)).limit(1);
  if (taken.length > 0) throw conflict(`${person.email} already has a Baton account`);
  const id = randomUUID();
  const context = await auth.$context;
  const hash = await context.password.hash(person.password);
  await tx.insert(users).values({ orgId: person.orgId, id, email: person.email, name: person.name, role: person.role });
  await tx.insert(authUser).values({ id, orgId: person.orgId, name: person.name, email: person.email, emailVerified: true });
  await tx.insert(authAccount).values({ id: randomUUID(), accountId: id, providerId: 'credential', userId: id, password: hash });
  return id;
}

/** Signs a person in through Better Auth: the Set-Cookie headers of the new session. */
export async function signIn(auth: BatonAuth, email: string, password: string, request: Headers): Promise<Headers> {
  const result = await auth.api.signInEmail({ body: { email, password }, headers: request, returnHeaders: true });
  return result.headers;
}

/**
 * Gives an existing Baton user a console password (the demo team, tests): the Better Auth rows,
 * hashed with Better Auth's own password hash (the one its sign-in verifies).
 */
export async function givePassword(tx: Tx, user: { orgId: string; id: string; email: string; name: string }, password: string): Promise<void> {
  const taken = await tx.select({ id: authUser.id }).from(authUser).where(eq(authUser.email, user.email)).limit(1);
  if (taken.length > 0) throw conflict(`${user.email} already has a Baton account`);
  await tx.insert(authUser).values({ id: user.id, orgId: user.orgId, name: user.name, email: user.email, emailVerified: true });
  await tx.insert(authAccount).values({ id: randomUUID(), accountId: user.id, providerId: 'credential', userId: user.id, password: await hashPassword(password) });
}
