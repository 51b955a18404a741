import { randomBytes } from 'node:crypto';
import { Role, type User } from '@baton/shared';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { orgs } from '../db/schema.ts';
import { addUser, createOrg, createToken, findOrg, findUsersByEmail, revokeTokens } from '../services/admin/admin.ts';
import { givePassword } from '../services/team/accounts.ts';
import { CliError } from './io.ts';

/* The CLI's administration commands as functions over a database: the CLI prints their results. */

export interface UserWithToken {
  user: { id: string; email: string; role: User['role']; orgId: string; name: string };
  token: string;
  /** The console password of a demo user (generated, shown once). */
  password?: string;
}

const publicUser = (user: User): UserWithToken['user'] => ({
  id: user.id,
  email: user.email,
  role: user.role,
  orgId: user.orgId,
  name: user.name,
});

export async function orgCreate(db: Db, name: string): Promise<{ id: string; name: string }> {
  return createOrg(db, name);
}

export async function userAdd(
  db: Db,
  input: { org: string; email: string; name: string; role: string },
): Promise<UserWithToken> {
  const role = Role.safeParse(input.role);
  if (!role.success) throw new CliError(`--role must be one of ${Role.options.join(', ')} (got "${input.role}")`);
  const org = await findOrg(db, input.org);
  const user = await addUser(db, { orgId: org.id, email: input.email, name: input.name, role: role.data });
  // A user without a token cannot sign in; the first one is printed with the user.
  const { token } = await createToken(db, user, 'cli: user add');
  return { user: publicUser(user), token };
}

async function findOneUser(db: Db, email: string, org: string | undefined): Promise<User> {
  const orgId = org === undefined ? undefined : (await findOrg(db, org)).id;
  const found = await findUsersByEmail(db, email, orgId);
  if (found.length === 0) {
    throw new CliError(`No user with the email ${email}${org === undefined ? '' : ` in the organisation "${org}"`}`);
  }
  const [only, ...others] = found;
  if (!only || others.length > 0) {
    const names = await Promise.all(found.map(async (user) => (await findOrg(db, user.orgId)).name));
    throw new CliError(`${email} is a user in several organisations (${names.join(', ')}): say which with --org <id|name>`);
  }
  return only;
}

export async function tokenCreate(db: Db, input: { user: string; org?: string | undefined }): Promise<UserWithToken> {
  const user = await findOneUser(db, input.user, input.org);
  const { token } = await createToken(db, user, 'cli: token create');
  return { user: publicUser(user), token };
}

export async function tokenRevoke(
  db: Db,
  input: { token?: string | undefined; user?: string | undefined; org?: string | undefined },
): Promise<{ revoked: number }> {
  if ((input.token === undefined) === (input.user === undefined)) {
    throw new CliError('Say what to revoke: `token revoke <token>` or `token revoke --user <email>`');
  }
  if (input.token !== undefined) {
    const revoked = await revokeTokens(db, { token: input.token.trim() });
    if (revoked === 0) throw new CliError('No active token matched: it is unknown or already revoked');
    return { revoked };
  }
  const user = await findOneUser(db, input.user ?? '', input.org);
  return { revoked: await revokeTokens(db, { userId: user.id, orgId: user.orgId }) };
}

const demoPeople: Array<{ role: Role; name: string; email: string }> = [
  { role: 'sdr', name: 'Sam Rivera', email: 'sam.sdr@demo.baton.test' },
  { role: 'ae', name: 'Alex Chen', email: 'alex.ae@demo.baton.test' },
  { role: 'csm', name: 'Casey Morgan', email: 'casey.csm@demo.baton.test' },
  { role: 'manager', name: 'Morgan Lee', email: 'morgan.manager@demo.baton.test' },
];

/**
 * An organisation with an SDR, an AE, a CSM and a manager, each with a token and a console
 * password (generated, shown once). An email signs in to one organisation, so the demo teams after
 * the first get addresses of their own (sam.sdr+2@…).
 */
export async function demo(db: Db): Promise<{ org: { id: string; name: string }; users: Array<UserWithToken & { password: string }> }> {
  let name = 'Demo Co';
  let n = 1;
  while ((await db.select({ id: orgs.id }).from(orgs).where(eq(orgs.name, name)).limit(1)).length > 0) {
    n += 1;
    name = `Demo Co ${n}`;
  }
  const org = await createOrg(db, name);
  const users: Array<UserWithToken & { password: string }> = [];
  for (const person of demoPeople) {
    const email = n === 1 ? person.email : person.email.replace('@', `+${n}@`);
    const user = await addUser(db, { orgId: org.id, ...person, email });
    const { token } = await createToken(db, user, 'cli: demo');
    const password = randomBytes(12).toString('base64url');
    await db.transaction((tx) => givePassword(tx, user, password));
    users.push({ user: publicUser(user), token, password });
  }
  return { org, users };
}
