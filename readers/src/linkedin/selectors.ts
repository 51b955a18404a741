/*
 * Every selector the LinkedIn reader uses, newest first. LinkedIn renames classes without notice,
 * so each field keeps its older spellings as dated fallbacks; `baton doctor` reports which one
 * matched. Source: shared/docs/page-structure.md unless a `note` says otherwise.
 */

export interface SelectorFallback {
  readonly selector: string;
  /** The layout year the selector was first seen in. */
  readonly since: string;
  readonly note?: string;
}

type SelectorTable = Readonly<Record<string, readonly SelectorFallback[]>>;

export const PROFILE_SELECTORS = {
  topCard: [
    { selector: 'section.artdeco-card[data-member-id]', since: '2023' },
    { selector: 'section.pv-top-card', since: '2021' },
    { selector: '.pv-top-card-section', since: '2018' },
    { selector: 'section.top-card-layout', since: '2021', note: 'logged-out public page; not in page-structure.md' },
    { selector: 'main section:first-of-type', since: '2026', note: 'layouts whose top card lost its data attribute' },
  ],
  name: [
    { selector: 'h1.text-heading-xlarge', since: '2022' },
    { selector: '.pv-top-card-section__name', since: '2018' },
    { selector: '.top-card-layout__title', since: '2021', note: 'logged-out public page' },
    { selector: 'h1', since: '2026', note: 'headings moved between h1 and h2' },
    { selector: 'h2', since: '2026', note: 'headings moved between h1 and h2' },
  ],
  headline: [
    { selector: 'div.text-body-medium[data-generated-suggestion-target]', since: '2024' },
    { selector: 'div.text-body-medium.break-words', since: '2022' },
    { selector: '.pv-top-card-section__headline', since: '2018', note: 'not in page-structure.md' },
    { selector: '.top-card-layout__headline', since: '2021', note: 'logged-out public page; not in page-structure.md' },
  ],
  location: [
    { selector: 'span.text-body-small.inline.t-black--light.break-words', since: '2022' },
    { selector: '.pv-top-card-section__location', since: '2018', note: 'not in page-structure.md' },
    { selector: '.top-card__subline-item', since: '2021', note: 'logged-out public page; not in page-structure.md' },
  ],
  /** Read from the `aria-label` ("Current company: ACME. Click to skip to experience card"). */
  companyLabel: [{ selector: 'button[aria-label^="Current company: "]', since: '2024' }],
  /** Read from the element's visible text. */
  companyText: [
    { selector: '.pv-text-details__right-panel [aria-label="Current company"]', since: '2022' },
    {
      selector: '[data-section="currentPositionsDetails"] .top-card-link__description',
      since: '2021',
      note: 'logged-out public page; not in page-structure.md',
    },
  ],
  experienceAnchor: [{ selector: '#experience', since: '2022' }],
  experienceEntry: [{ selector: 'div[data-view-name="profile-component-entity"]', since: '2022' }],
  experienceText: [{ selector: 'span[aria-hidden="true"]', since: '2022' }],
  photo: [
    { selector: 'img.pv-top-card-profile-picture__image--show', since: '2023' },
    { selector: 'img.pv-top-card-profile-picture__image', since: '2022' },
    {
      selector: 'img.top-card__profile-image',
      since: '2021',
      note: 'logged-out public page; not in page-structure.md',
    },
  ],
  contactInfo: [{ selector: 'a#top-card-text-details-contact-info', since: '2022' }],
  embeddedJson: [{ selector: 'code[id^="bpr-guid-"]', since: '2019' }],
} as const satisfies SelectorTable;

/** Company pages: name and website only, both cheap. None of these are in page-structure.md. */
export const COMPANY_SELECTORS = {
  name: [
    { selector: 'h1.org-top-card-summary__title', since: '2022', note: 'not in page-structure.md' },
    { selector: '.top-card-layout__title', since: '2021', note: 'logged-out public page' },
    { selector: 'h1', since: '2026', note: 'first heading of the main column' },
  ],
  website: [
    { selector: 'a.org-top-card-primary-actions__action[href]', since: '2022', note: 'not in page-structure.md' },
    { selector: 'a[data-tracking-control-name="about_website"][href]', since: '2021', note: 'logged-out public page' },
  ],
} as const satisfies SelectorTable;

/** Containers of the viewer's own name/photo/headline or of other people: never part of a profile. */
export const OUTSIDE_MAIN_COLUMN = 'header, nav, aside, footer, [role="navigation"], [role="banner"]';

/** Marks on a picture that mean "no photo" (LinkedIn's placeholder silhouette). */
export const GHOST_PHOTO_CLASS = 'ghost-person';

/** Helper text inside headings for screen readers; never the person's name. */
export const HIDDEN_TEXT = '.visually-hidden, .a11y-text';
