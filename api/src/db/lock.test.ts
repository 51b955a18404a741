import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir, lockPathFor } from './lock.ts';

const dirs: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'baton-lockfile-'));
  dirs.push(dir);
  return join(dir, 'data');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A process id that certainly no longer runs: a child that has already exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid;

describe('the data directory lock', () => {
  it('is held beside the data directory and released', () => {
    const dataDir = scratch();
    const lock = lockDataDir(dataDir, 'migrate');
    expect(lock.path).toBe(`${dataDir}.lock`);
    expect(JSON.parse(readFileSync(lock.path, 'utf8'))).toMatchObject({ pid: process.pid, command: 'migrate', port: null });
    lock.update({ port: 8787, host: '127.0.0.1' });
    expect(JSON.parse(readFileSync(lock.path, 'utf8'))).toMatchObject({ port: 8787, host: '127.0.0.1' });
    lock.release();
    expect(existsSync(lock.path)).toBe(false);
  });

  it('refuses a second holder while the first is alive, naming where the server runs', () => {
    const dataDir = scratch();
    // A live process other than us: the parent of this test worker.
    writeFileSync(lockPathFor(dataDir), JSON.stringify({ pid: process.ppid, port: 8787, host: '127.0.0.1', command: 'serve', startedAt: new Date().toISOString() }));
    expect(() => lockDataDir(dataDir, 'org create')).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dataDir, 'org create')).toThrow(`running on 127.0.0.1:8787 (pid ${process.ppid})`);
  });

  it('takes over a lock left by a process that died, or a half-written one', () => {
    const dataDir = scratch();
    writeFileSync(lockPathFor(dataDir), JSON.stringify({ pid: deadPid(), port: 8787, host: '127.0.0.1', command: 'serve', startedAt: '' }));
    const lock = lockDataDir(dataDir, 'demo');
    expect(JSON.parse(readFileSync(lock.path, 'utf8'))).toMatchObject({ pid: process.pid, command: 'demo' });
    lock.release();
    writeFileSync(lockPathFor(dataDir), '{"pid": 12');
    lockDataDir(dataDir, 'demo').release();
  });
});
