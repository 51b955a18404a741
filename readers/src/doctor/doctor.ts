import { readFile } from 'node:fs/promises';
import { JSDOM } from 'jsdom';
import { readGmailPage } from '../gmail/read-page.ts';
import { readLinkedinPage } from '../linkedin/read-page.ts';
import { rebuildHtml } from '../support-report/censor.ts';
import { parseSupportReport, SUPPORT_REPORT_MARKER, type SupportReport } from '../support-report/report.ts';

/** A failure the user can act on: printed as-is to stderr, exit code 1. */
export class CliError extends Error {
  override name = 'CliError';
}

export type Site = 'gmail' | 'linkedin';

export interface DoctorReport {
  site: Site;
  url: string;
  result: unknown;
}

/** A support report read back: what the rep's reader saw, and the readers run again on its structure. */
export interface DoctorSupportReport {
  source: 'support report';
  site: Site;
  url: string;
  lang: SupportReport['lang'];
  /** The result the rep's extension read (censored: page text is replaced by its length). */
  reported: unknown;
  /** Today's readers on the censored structure (values are placeholders, so ids and text are not real). */
  reread: unknown;
  structure: { elements: number; truncated: boolean };
}

function readSupportReport(text: string): DoctorSupportReport {
  const parsed = parseSupportReport(text);
  if (!parsed.ok) throw new CliError(`This looks like a Baton support report but cannot be read: ${parsed.reason}`);
  const { report } = parsed;
  const lang = typeof report.lang === 'string' ? ` lang="${report.lang}"` : '';
  const body = rebuildHtml(report.structure.tree);
  const dom = new JSDOM(`<!doctype html><html${lang}><head></head><body>${body}</body></html>`, { url: 'https://example.invalid/' });
  try {
    // The censored address has no real token or slug; the readers get the site's bare address.
    const url = report.site === 'gmail' ? 'https://mail.google.com/mail/u/0/#inbox' : 'https://www.linkedin.com/in/x/';
    const reread = report.site === 'gmail' ? readGmailPage(dom.window.document, url) : readLinkedinPage(dom.window.document, url);
    return {
      source: 'support report',
      site: report.site,
      url: report.url,
      lang: report.lang,
      reported: report.result,
      reread,
      structure: { elements: report.structure.elements, truncated: report.structure.truncated },
    };
  } finally {
    dom.window.close();
  }
}

const GMAIL_DEFAULT_URL = 'https://mail.google.com/mail/u/0/#inbox';

function siteOf(url: string): Site | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch (error) {
    if (error instanceof TypeError) throw new CliError(`--url "${url}" is not a URL`);
    throw error;
  }
  if (host === 'mail.google.com') return 'gmail';
  if (host === 'linkedin.com' || host.endsWith('.linkedin.com')) return 'linkedin';
  return null;
}

/** Where a saved page came from: browsers' "saved from" comment, then its canonical links. */
function guessUrl(html: string, doc: Document): string | null {
  const savedFrom = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html)?.[1];
  const candidates = [
    savedFrom,
    doc.querySelector('link[rel="canonical"]')?.getAttribute('href'),
    doc.querySelector('meta[property="og:url"]')?.getAttribute('content'),
  ];
  for (const candidate of candidates) {
    if (candidate && /^https?:\/\//i.test(candidate)) {
      try {
        if (siteOf(candidate)) return candidate;
      } catch (error) {
        if (!(error instanceof CliError)) throw error;
      }
    }
  }
  const looksLikeGmail =
    /mail\.google\.com/i.test(html) || /\bGmail\b/.test(doc.title) || doc.querySelector('div[role="main"] h2.hP') !== null;
  return looksLikeGmail ? GMAIL_DEFAULT_URL : null;
}

/**
 * What the extension's page readers see in a saved page, or in a support report a rep copied from
 * the sidebar: the first thing to run when a reader stops recognising Gmail or LinkedIn.
 */
export async function doctor(file: string, url?: string): Promise<DoctorReport | DoctorSupportReport> {
  let html: string;
  try {
    html = await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(`Cannot read ${file}: ${(error as Error).message}`);
  }
  if (html.includes(SUPPORT_REPORT_MARKER)) return readSupportReport(html);
  const dom = new JSDOM(html, url ? { url } : {});
  const doc = dom.window.document;
  try {
    const pageUrl = url ?? guessUrl(html, doc);
    if (!pageUrl) {
      throw new CliError('Cannot tell whether this is a Gmail or a LinkedIn page: give its address with --url <page URL>');
    }
    const site = siteOf(pageUrl);
    if (!site) throw new CliError(`--url must be a mail.google.com or linkedin.com address (got ${pageUrl})`);
    const result = site === 'gmail' ? readGmailPage(doc, pageUrl) : readLinkedinPage(doc, pageUrl);
    return { site, url: pageUrl, result };
  } finally {
    dom.window.close();
  }
}
