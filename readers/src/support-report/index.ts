export { censorPage, censorStructure, censorUrl, rebuildHtml, reportRoot, type CensoredElement, type CensoredNode, type CensoredPage } from './censor.ts';
export {
  buildSupportReport,
  CensoredPageSchema,
  censorResult,
  parseSupportReport,
  SUPPORT_REPORT_MARKER,
  SupportReportSchema,
  type SupportReport,
} from './report.ts';
