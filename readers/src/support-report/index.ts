export { censorPage, censorStructure, rebuildHtml, reportRoot, type CensoredElement, type CensoredNode, type CensoredPage } from './censor.ts';
export {
  buildSupportReport,
  censorResult,
  censorUrl,
  parseSupportReport,
  SUPPORT_REPORT_MARKER,
  SupportReportSchema,
  type SupportReport,
} from './report.ts';
