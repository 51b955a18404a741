import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

/*
 * PGlite keeps the whole database in one process's memory and writes it to the data directory:
 * two processes opening the same directory would each write their own copy and corrupt it. A lock
 * file beside the directory makes the second one stop with a message instead.
 */

const Holder = z.object({
  pid: z.number().int(),
  port: z.number().int().nullable(),
  host: z.string().nullable(),
  command: z.string(),
  startedAt: z.string(),
});
export type LockHolder = z.infer<typeof Holder>;

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
  constructor(
    readonly holder: LockHolder,
    readonly lockPath: string,
  ) {
    super(describeHolder(holder, lockPath));
  }
}

export interface DataDirLock {
  path: string;
  /** Records where the server listens, so a CLI command run meanwhile can say so. */
  update(details: { port: number; host: string }): void;
  release(): void;
}

export const lockPathFor = (dataDir: string) => `${dataDir.replace(/[\\/]+$/, '')}.lock`;

function describeHolder(holder: LockHolder, lockPath: string): string {
  const fix = 'stop it first, or run the command against a PostgreSQL server with DATABASE_URL';
  if (holder.port !== null) {
    return `The Baton server is running on ${holder.host ?? ''}:${holder.port} (pid ${holder.pid}) and holds the embedded database — ${fix}.`;
  }
  return `Another Baton process (pid ${holder.pid}, \`${holder.command}\`) holds the embedded database (${lockPath}) — ${fix}.`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else; still alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): LockHolder | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    json = undefined;
  }
  const parsed = Holder.safeParse(json);
  // A lock file cut short by a crash while it was written names nobody: treat it as stale.
  return parsed.success ? parsed.data : { pid: -1, port: null, host: null, command: 'unknown', startedAt: '' };
}

/**
 * Takes the data directory for this process, or throws DataDirLockedError naming the holder.
 * A lock left by a process that no longer exists is taken over.
 */
export function lockDataDir(dataDir: string, command: string): DataDirLock {
  const path = lockPathFor(dataDir);
  mkdirSync(dirname(path), { recursive: true });
  const holder: LockHolder = { pid: process.pid, port: null, host: null, command, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      writeFileSync(path, JSON.stringify(holder), { flag: 'wx' });
      return makeLock(path, holder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const current = readHolder(path);
    if (current && current.pid !== process.pid && current.pid > 0 && isAlive(current.pid)) {
      throw new DataDirLockedError(current, path);
    }
    // Stale: remove it and race for it again with `wx`, so only one of several newcomers wins.
    try {
      unlinkSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  const current = readHolder(path);
  if (current) throw new DataDirLockedError(current, path);
  throw new Error(`Could not take the lock ${path}`);
}

function makeLock(path: string, holder: LockHolder): DataDirLock {
  let released = false;
  const onExit = () => release();
  function release() {
    if (released) return;
    released = true;
    process.off('exit', onExit);
    // Only remove the file if it is still ours.
    if (readHolder(path)?.pid === holder.pid) unlinkSync(path);
  }
  process.on('exit', onExit);
  return {
    path,
    update({ port, host }) {
      if (released) return;
      Object.assign(holder, { port, host });
      writeFileSync(path, JSON.stringify(holder));
    },
    release,
  };
}
