export { readLinkedinPage } from './read-page.ts';
export { STALE_PROFILE_REASON } from './read-profile.ts';
export { watchLinkedin, type WatchOptions, type WatchedWindow } from './watch.ts';
export { COMPANY_SELECTORS, PROFILE_SELECTORS, type SelectorFallback } from './selectors.ts';
export {
  LinkedinCompanySchema,
  LinkedinNotRecognisedSchema,
  LinkedinProfileSchema,
  LinkedinReadResultSchema,
  type LinkedinCompany,
  type LinkedinNotRecognised,
  type LinkedinProfile,
  type LinkedinReadResult,
} from './types.ts';
