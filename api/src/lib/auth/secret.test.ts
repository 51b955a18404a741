import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { authSecret } from './secret.ts';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('authSecret', () => {
  it('uses BATON_AUTH_SECRET when set', async () => {
    expect(await authSecret({ authSecret: 's'.repeat(40), dataDir: '/nonexistent' })).toBe('s'.repeat(40));
  });

  it('generates one into the data folder (owner-only) and reads the same one on the next start', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'baton-secret-'));
    dirs.push(dir);
    const dataDir = join(dir, 'data');
    const first = await authSecret({ authSecret: undefined, dataDir });
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect((await readFile(join(dataDir, 'auth-secret'), 'utf8')).trim()).toBe(first);
    expect((await stat(join(dataDir, 'auth-secret'))).mode & 0o777).toBe(0o600);
    const [again, concurrent] = await Promise.all([authSecret({ authSecret: undefined, dataDir }), authSecret({ authSecret: undefined, dataDir })]);
    expect(again).toBe(first);
    expect(concurrent).toBe(first);
  });
});
