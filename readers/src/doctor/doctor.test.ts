import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runDoctorCli } from './run-cli.ts';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = resolve(src, '../..');
const scratchDir = mkdtempSync(join(tmpdir(), 'baton-doctor-'));
afterAll(() => rmSync(scratchDir, { recursive: true, force: true }));

async function doctor(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runDoctorCli(args, { cwd: src, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) as any };
}

describe('baton doctor', () => {
  it('shows what the page readers see in a saved page', async () => {
    const gmail = await doctor('gmail/fixtures/thread-single.html', '--url', 'https://mail.google.com/mail/u/0/#inbox/FMfcgzGxSvBmjBlLqqFwdckZtHGbztdK');
    expect(gmail.code).toBe(0);
    expect(gmail.json()).toMatchObject({ site: 'gmail', result: { kind: 'thread' } });
    const guessed = await doctor('gmail/fixtures/inbox-list.html');
    expect(guessed.json()).toMatchObject({ site: 'gmail', url: 'https://mail.google.com/mail/u/0/#inbox' });
    const linkedin = await doctor('linkedin/fixtures/profile-2024-logged-in.html', '--url', 'https://www.linkedin.com/in/someone/');
    expect(linkedin.code).toBe(0);
    expect(linkedin.json()).toMatchObject({ site: 'linkedin', url: 'https://www.linkedin.com/in/someone/' });
    const elsewhere = await doctor('gmail/fixtures/thread-single.html', '--url', 'https://example.com/');
    expect(elsewhere).toMatchObject({ code: 1, stderr: expect.stringContaining('mail.google.com or linkedin.com') });
    expect((await doctor(join(scratchDir, 'missing.html'))).stderr).toContain('Cannot read');
    expect(await doctor()).toMatchObject({ code: 1, stderr: expect.stringContaining('Usage: pnpm baton doctor') });
    expect(await doctor('a.html', '--colour', 'red')).toMatchObject({ code: 1, stderr: expect.stringContaining("'--colour'") });
    expect(await doctor('--help')).toMatchObject({ code: 0, stdout: expect.stringContaining('support report') });
  });

  it('is what `pnpm baton doctor` runs from the repository root, with paths relative to where it was typed', () => {
    const run = spawnSync('pnpm', ['baton', 'doctor', 'readers/src/gmail/fixtures/inbox-list.html'], { cwd: repoRoot, encoding: 'utf8' });
    expect(run.stderr).not.toContain('failed');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout.slice(run.stdout.indexOf('{')))).toMatchObject({ site: 'gmail', result: { kind: 'list' } });
  }, 60_000);
});
