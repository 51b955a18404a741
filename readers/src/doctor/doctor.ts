import { readFile } from 'node:fs/promises';
import { JSDOM } from 'jsdom';
import { readGmailPage } from '../gmail/read-page.ts';
import { readLinkedinPage } from '../linkedin/read-page.ts';

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
 * What the extension's page readers see in a saved page: the first thing to run when a reader
 * stops recognising Gmail or LinkedIn after a markup change.
 */
export async function doctor(file: string, url?: string): Promise<DoctorReport> {
  let html: string;
  try {
    html = await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(`Cannot read ${file}: ${(error as Error).message}`);
  }
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
