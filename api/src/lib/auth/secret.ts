import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Env } from '../../env.ts';

/**
 * BATON_AUTH_SECRET, or the secret kept in the data directory (generated there on first start,
 * readable by its owner only), so sessions survive restarts without configuration.
 */
export async function authSecret(env: Pick<Env, 'authSecret' | 'dataDir'>): Promise<string> {
  if (env.authSecret) return env.authSecret;
  const file = join(env.dataDir, 'auth-secret');
  try {
    const stored = (await readFile(file, 'utf8')).trim();
    if (stored.length >= 32) return stored;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(env.dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  // 'wx': when two processes start together, the second one reads the first one's secret.
  try {
    await writeFile(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return (await readFile(file, 'utf8')).trim();
  }
}
