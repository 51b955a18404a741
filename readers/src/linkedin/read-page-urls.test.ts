// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { loadFixture } from './fixtures/load.ts';
import { readLinkedinPage } from './read-page.ts';
import { STALE_PROFILE_REASON } from './read-profile.ts';

describe('every spelling of a profile URL reads as the same person', () => {
  const page = loadFixture('profile-2024-logged-in');
  const canonical = readLinkedinPage(page.document, 'https://www.linkedin.com/in/dana-okafor');

  it.each([
    'linkedin.com/in/dana-okafor',
    'www.linkedin.com/in/dana-okafor/',
    'https://linkedin.com/in/Dana-Okafor?trk=public_profile_browsemap',
    'https://www.linkedin.com/in/dana-okafor/fr',
    'https://www.linkedin.com/in/dana-okafor/?locale=de_DE',
    'https://nl.linkedin.com/in/dana-okafor#experience',
    'https://www.linkedin.com/in/dana-okafor/overlay/contact-info/',
    '  http://www.linkedin.com/in/DANA-OKAFOR/  ',
  ])('%s', (url) => {
    expect(canonical).toMatchObject({ kind: 'profile', slug: 'dana-okafor' });
    expect(readLinkedinPage(page.document, url)).toEqual(canonical);
  });

  it('keeps non-ASCII slugs, percent-encoded in the canonical URL', () => {
    const accented = loadFixture('profile-2024-logged-in');
    accented.document
      .querySelector('main a#top-card-text-details-contact-info')
      ?.setAttribute('href', '/in/jos%C3%A9-garc%C3%ADa/overlay/contact-info/');
    expect(readLinkedinPage(accented.document, 'https://www.linkedin.com/in/Jos%C3%A9-Garc%C3%ADa/')).toMatchObject({
      kind: 'profile',
      slug: 'josé-garcía',
      profileUrl: 'https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa',
    });
  });

  it('treats a URL slug the page does not show as the previous profile', () => {
    expect(readLinkedinPage(page.document, 'https://www.linkedin.com/in/someone-else/')).toEqual({
      kind: 'not_recognised',
      reason: STALE_PROFILE_REASON,
    });
  });

  it('without a contact link, trusts a name that matches this slug\'s embedded payload only', () => {
    const stale = loadFixture('profile-stale-json', { url: 'https://www.linkedin.com/in/dana-okafor/' });
    stale.document.querySelector('#top-card-text-details-contact-info')?.remove();
    expect(readLinkedinPage(stale.document, stale.url)).toEqual({
      kind: 'not_recognised',
      reason: STALE_PROFILE_REASON,
    });
  });
});
