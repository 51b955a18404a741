import { z } from 'zod';
import { censorUrl, censorValue, type CensoredElement, type CensoredNode, type CensoredPage } from './censor.ts';

/**
 * "Copy a report for support": what a reader returned and the censored structure of the page it
 * read, as text a rep can paste into an issue; `pnpm baton doctor <file>` reads it back.
 */

export const SUPPORT_REPORT_MARKER = 'BATON SUPPORT REPORT v1';

// Values kept as they are: the reader's own vocabulary, never page text.
const KEEP = new Set(['kind', 'code', 'lang', 'view', 'field', 'collapsed', 'site']);

/** The reader's result with page text replaced by lengths, keeping what says *how* it read. */
export function censorResult(value: unknown, key = ''): unknown {
  if (value === null || typeof value === 'boolean' || typeof value === 'number') return value;
  if (typeof value === 'string') {
    if (KEEP.has(key)) return value.slice(0, 200);
    // A date's shape (its words and separators) is what a date parser needs; its digits are not.
    if (key === 'dateTitle' || key === 'dateText') return value.replace(/\d/g, '9').slice(0, 200);
    return censorValue(value);
  }
  if (Array.isArray(value)) return value.slice(0, 200).map((item) => censorResult(item, key));
  if (typeof value === 'object') {
    // `matched` holds the selectors the reader used: Baton's own text.
    if (key === 'matched') return value;
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, censorResult(item, name)]));
  }
  return null;
}

const CensoredElementSchema: z.ZodType<CensoredElement> = z.object({
  t: z.string().max(100),
  c: z.string().max(400).optional(),
  r: z.string().max(100).optional(),
  a: z.record(z.string().max(200), z.union([z.number().int().min(0), z.literal('x@y')])).optional(),
  k: z.array(z.lazy(() => CensoredNodeSchema)).optional(),
});
const CensoredNodeSchema: z.ZodType<CensoredNode> = z.union([z.number().int().min(0), z.literal('x@y'), CensoredElementSchema]);

export const CensoredPageSchema = z.object({
  tree: CensoredElementSchema,
  elements: z.number().int().min(0),
  truncated: z.boolean(),
});

export const SupportReportSchema = z.object({
  version: z.literal(1),
  site: z.enum(['gmail', 'linkedin']),
  url: z.string().max(2000),
  lang: z.union([z.number(), z.string().max(40)]).nullable(),
  /** The reader's result, censored. */
  result: z.unknown(),
  structure: CensoredPageSchema,
});
export type SupportReport = z.infer<typeof SupportReportSchema>;

export function buildSupportReport(input: {
  site: 'gmail' | 'linkedin';
  url: string;
  lang: string | null;
  result: unknown;
  structure: CensoredPage;
}): string {
  const report: SupportReport = {
    version: 1,
    site: input.site,
    url: censorUrl(input.url),
    lang: input.lang === null ? null : /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(input.lang) ? input.lang : input.lang.length,
    result: censorResult(input.result),
    structure: input.structure,
  };
  return `${SUPPORT_REPORT_MARKER}\n${JSON.stringify(report)}\n`;
}

/** A support report out of pasted text (anything around the marker is ignored), or why not. */
export function parseSupportReport(text: string): { ok: true; report: SupportReport } | { ok: false; reason: string } {
  const at = text.indexOf(SUPPORT_REPORT_MARKER);
  if (at < 0) return { ok: false, reason: `no "${SUPPORT_REPORT_MARKER}" line` };
  const body = text.slice(at + SUPPORT_REPORT_MARKER.length).trim();
  let json: unknown;
  try {
    json = JSON.parse(body.slice(0, body.lastIndexOf('}') + 1));
  } catch (error) {
    if (error instanceof SyntaxError) return { ok: false, reason: `the report is not complete JSON (${error.message}): was it cut when pasted?` };
    throw error;
  }
  const parsed = SupportReportSchema.safeParse(json);
  return parsed.success ? { ok: true, report: parsed.data } : { ok: false, reason: `not a Baton support report: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
}

export type { CensoredElement, CensoredNode };
