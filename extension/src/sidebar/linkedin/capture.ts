import type { CapturedProfile } from '../../local/activities.ts';
import type { LinkedinProfile } from '@baton/readers/linkedin';

/** What "Capture profile" sends: the fields the reader saw, without its diagnostics. */
export function toCapture(profile: LinkedinProfile): CapturedProfile {
  return {
    profileUrl: profile.profileUrl,
    name: profile.name,
    headline: profile.headline,
    company: profile.company,
    title: profile.title,
    location: profile.location,
    photoUrl: profile.photoUrl,
  };
}

/** "Title at Company", or whichever half is known. */
export function roleLine(profile: Pick<LinkedinProfile, 'title' | 'company'>): string | null {
  const line = [profile.title, profile.company].filter(Boolean).join(' at ');
  return line === '' ? null : line;
}
