// @vitest-environment node
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { doctor } from '../doctor/doctor.ts';
import { loadGmailFixture } from '../gmail/fixtures/load.ts';
import { readGmailPage } from '../gmail/read-page.ts';
import { loadFixture } from '../linkedin/fixtures/load.ts';
import { readLinkedinPage } from '../linkedin/read-page.ts';
import { censorPage, censorUrl } from './censor.ts';
import { buildSupportReport, parseSupportReport } from './report.ts';

const scratch = mkdtempSync(join(tmpdir(), 'baton-report-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function gmailReport(name: Parameters<typeof loadGmailFixture>[0]) {
  const { document, url } = loadGmailFixture(name);
  const result = readGmailPage(document, url);
  const structure = censorPage(document, 'gmail');
  if (structure === null) throw new Error('no structure');
  return { text: buildSupportReport({ site: 'gmail', url, lang: document.documentElement.lang, result, structure }), document };
}

describe('support report', () => {
  it('carries no text, name, address or id of the page, only its structure and lengths', () => {
    const { text } = gmailReport('thread-unknown-ids');
    for (const secret of ['Jonas', 'Käufer', 'kaeufer', 'beispiel', 'sam.seller', 'Angebot', 'Wartungsvertrag', 'Hallo', 'Zk81Hq3Nw', 'Xq7_k2Lw9Rt4Zp1Mn8Bv', '2025']) {
      expect(text).not.toContain(secret);
    }
    // What a maintainer needs: selectors' hooks, attribute names, the date's shape, what was missing.
    for (const kept of ['"c":"adn ads"', '"data-message-id"', '"r":"listitem"', 'span.g3[title]', '"lang":"de"', '"x@y"']) {
      expect(text).toContain(kept);
    }
    expect(text.length).toBeLessThan(20_000);
  });

  it('keeps the shape of a date it could not read, not its digits', () => {
    const { text } = gmailReport('thread-no-message-ids-ru');
    expect(text).toContain('"field":"messages.1.date"');
    expect(text).toContain('позавчера, около полудня');
    expect(text).not.toContain('Иван');
  });

  it('censors addresses to their shape', () => {
    expect(censorUrl('https://mail.google.com/mail/u/0/#search/dana+renewal/FMfcgzGxSvBmjBlLqqFwdckZtHGbztdK')).toBe(
      'https://mail.google.com/mail/u/0/#search/<12>/<32>',
    );
    expect(censorUrl('https://www.linkedin.com/in/dana-buyer-123/')).toBe('https://www.linkedin.com/in/<14>/');
  });

  it('is read back by baton doctor, which runs the readers again on the structure', async () => {
    const { text } = gmailReport('thread-unknown-ids');
    const file = join(scratch, 'report.txt');
    // Pasted into an issue: text around the report is ignored.
    writeFileSync(file, `Baton went blank on this thread:\n\n${text}\nThanks!\n`);
    const report = await doctor(file);
    expect(report).toMatchObject({
      source: 'support report',
      site: 'gmail',
      lang: 'de',
      reported: { kind: 'thread', missing: [] },
      reread: { kind: 'thread', matched: expect.objectContaining({ subject: 'h2.hP [2019]' }) },
      structure: { truncated: false },
    });
    if (!('reread' in report) || (report.reread as { kind: string }).kind !== 'thread') throw new Error('expected a thread');
    expect((report.reread as { messages: unknown[] }).messages).toHaveLength(2);
  });

  it('covers LinkedIn pages too, and says plainly when a pasted report was cut', async () => {
    const { document, url } = loadFixture('profile-2024-logged-in');
    const result = readLinkedinPage(document, url);
    const structure = censorPage(document, 'linkedin');
    if (structure === null) throw new Error('no structure');
    const text = buildSupportReport({ site: 'linkedin', url, lang: null, result, structure });
    expect(parseSupportReport(text)).toMatchObject({ ok: true, report: { site: 'linkedin' } });
    expect(parseSupportReport(text.slice(0, text.length / 2))).toMatchObject({ ok: false, reason: expect.stringContaining('cut') });
    const file = join(scratch, 'cut.txt');
    writeFileSync(file, text.slice(0, 200));
    await expect(doctor(file)).rejects.toThrow(/cannot be read/);
  });

  it('stops copying at its element budget and says so', () => {
    const { document } = loadGmailFixture('thread-many');
    const main = document.querySelector('[role="main"]');
    if (main === null) throw new Error('no main');
    for (let i = 0; i < 800; i += 1) main.append(document.createElement('div'));
    const structure = censorPage(document, 'gmail');
    expect(structure).toMatchObject({ elements: 500, truncated: true });
  });
});
