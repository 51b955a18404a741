import { Activity, Contact, canonicalLinkedinUrl } from '@baton/shared';
import { z } from 'zod';
import { expect, test, type ApiHarness } from './baton-test.ts';
import { profileUrl } from './fixtures/linkedin-profile.ts';
import { MORGAN, MORGAN_PROFILE, morganQuestion } from './fixtures/morgan.ts';

const Contacts = z.object({ contacts: z.array(Contact) });
const Timeline = z.object({ activities: z.array(Activity), nextCursor: z.string().nullable() });

/** Reads the API as the SDR: who Baton has for a search, and a contact's whole timeline. */
function reader(api: ApiHarness) {
  const get = async <S extends z.ZodType>(path: string, schema: S): Promise<z.output<S>> => {
    const response = await fetch(`${api.url}/v1${path}`, { headers: { authorization: `Bearer ${api.users.sdr.token}` } });
    if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
    return schema.parse(await response.json());
  };
  return {
    byLinkedin: async (url: string) => (await get(`/contacts?linkedin=${encodeURIComponent(url)}`, Contacts)).contacts,
    byName: async (q: string) => (await get(`/contacts?q=${encodeURIComponent(q)}`, Contacts)).contacts,
    byEmail: async (email: string) => (await get(`/contacts?email=${encodeURIComponent(email)}`, Contacts)).contacts,
    timeline: async (contactId: string) => (await get(`/contacts/${contactId}/timeline?limit=100`, Timeline)).activities,
  };
}

const canonical = canonicalLinkedinUrl(profileUrl(MORGAN_PROFILE)) ?? '';

test('a profile captured on LinkedIn and the same person in Gmail become one contact with one timeline', async ({ api, signedIn: _signedIn, linkedinPage, gmailPage }) => {
  const read = reader(api);
  await linkedinPage.open(MORGAN_PROFILE);
  const onLinkedin = linkedinPage.sidebar;

  // Unknown: a preview of what would be captured, nothing stored yet.
  await expect(onLinkedin.contactName).toHaveText(MORGAN_PROFILE.name);
  await expect(onLinkedin.frame.getByRole('definition')).toHaveText([
    MORGAN_PROFILE.headline,
    `${MORGAN_PROFILE.title} at ${MORGAN_PROFILE.company}`,
    MORGAN_PROFILE.location,
    'None',
  ]);
  expect(await read.byLinkedin(canonical)).toEqual([]);

  const linkedinSection = onLinkedin.region('LinkedIn');
  await linkedinSection.getByRole('button', { name: 'Capture profile' }).click();
  await expect(linkedinSection.getByRole('status')).toHaveText('Profile captured');
  await expect(onLinkedin.frame.getByRole('region', { name: MORGAN_PROFILE.name })).toContainText('Head of Sales Enablement at Tailspin Toys');
  await expect(onLinkedin.region('Timeline').getByRole('listitem')).toContainText([MORGAN_PROFILE.headline]);

  await expect.poll(() => read.byLinkedin(canonical)).toHaveLength(1);
  const [captured] = await read.byLinkedin(canonical);
  if (!captured) throw new Error('the capture did not reach the API');
  await expect.poll(async () => (await read.timeline(captured.id)).map((activity) => activity.type)).toEqual(['linkedin_profile']);

  // Capturing the unchanged profile again stores no second contact and no second snapshot.
  await linkedinSection.getByRole('button', { name: 'Capture profile' }).click();
  await expect(linkedinSection.getByRole('status')).toHaveText('No change since the last capture');
  await expect(onLinkedin.syncBadge).toHaveText('Synced');
  expect(await read.byLinkedin(canonical)).toEqual([expect.objectContaining({ id: captured.id })]);

  // In Gmail the same person writes from an address Baton does not know yet: a second record.
  await gmailPage.open(morganQuestion);
  const inGmail = gmailPage.sidebar;
  await expect(inGmail.region('Contact')).toContainText('Nobody on this thread is in Baton yet.');
  await inGmail.addAsContact(MORGAN.email);
  await expect(inGmail.contactName).toHaveText(MORGAN.name);
  await inGmail.logThread();
  await expect(inGmail.syncBadge).toHaveText('Synced');
  await expect.poll(async () => (await read.byEmail(MORGAN.email)).length).toBe(1);

  // Link the profile the rep pastes (any spelling of it): it belongs to the captured contact, so Baton offers to merge.
  await inGmail.frame.getByRole('button', { name: 'Link LinkedIn profile' }).click();
  const form = inGmail.frame.getByRole('form', { name: 'Link LinkedIn profile' });
  await form.getByRole('textbox', { name: 'LinkedIn profile URL' }).fill('linkedin.com/in/Morgan-Lindqvist-Tailspin/?trk=public_profile');
  await form.getByRole('button', { name: 'Link profile' }).click();
  const offer = inGmail.frame.getByRole('group', { name: 'Merge with the LinkedIn contact' });
  await expect(offer).toContainText(MORGAN_PROFILE.name);
  await offer.getByRole('button', { name: 'Merge' }).click();
  await expect(inGmail.frame.getByRole('status').filter({ hasText: /^Merged: one contact/ })).toBeVisible();

  // One timeline in the sidebar: the LinkedIn snapshot and both emails.
  const timeline = inGmail.region('Timeline');
  await expect(timeline.getByRole('listitem').filter({ hasText: 'LinkedIn profile' })).toHaveCount(1);
  await expect(timeline.getByRole('listitem').filter({ hasText: 'Email' })).toHaveCount(2);

  // And one contact in the API, holding both identities and every activity.
  const [merged, ...others] = await read.byEmail(MORGAN.email);
  expect(others).toEqual([]);
  expect(merged).toMatchObject({ emails: [MORGAN.email], linkedinUrl: canonical });
  if (!merged) throw new Error('the merged contact is missing');
  expect(await read.byLinkedin(canonical)).toEqual([expect.objectContaining({ id: merged.id })]);
  expect(await read.byName(MORGAN.name)).toEqual([expect.objectContaining({ id: merged.id })]);
  const activities = await read.timeline(merged.id);
  expect(activities.map((activity) => activity.type).sort()).toEqual(['email', 'email', 'linkedin_profile']);
  const snapshot = activities.find((activity) => activity.type === 'linkedin_profile');
  expect(snapshot?.details?.profile).toMatchObject({ name: MORGAN_PROFILE.name, company: MORGAN_PROFILE.company, title: MORGAN_PROFILE.title });
  expect(snapshot?.details?.profile?.capturedAt).toEqual(expect.any(String));
});

const PRIYA_PROFILE = {
  slug: 'priya-halvorsen',
  name: 'Priya Halvorsen',
  headline: 'Procurement lead at Wingtip Travel',
  title: 'Procurement Lead',
  company: 'Wingtip Travel',
  location: 'Oslo, Norway',
};

test('"Link to contact…" gives a known contact the profile, and the next profile never shows the previous person', async ({ api, signedIn: _signedIn, linkedinPage }) => {
  const read = reader(api);
  const { contact } = await api.as('sdr').resolveContact({ emails: [MORGAN.email], name: MORGAN.name });
  await linkedinPage.open(MORGAN_PROFILE);
  const sidebar = linkedinPage.sidebar;
  await expect(sidebar.frame.getByText('Not in Baton yet. Capturing stores:')).toBeVisible();

  const link = sidebar.region('Link to contact');
  await link.getByRole('button', { name: 'Link to contact…' }).click();
  await link.getByRole('textbox', { name: 'Name or email' }).fill('Morgan');
  await link.getByRole('button', { name: 'Search' }).click();
  await link.getByRole('button', { name: `Link to ${MORGAN.name}` }).click();
  await expect(link.getByRole('status')).toHaveText(`Linked to ${MORGAN.name}`);
  await expect(sidebar.frame.getByRole('region', { name: MORGAN.name })).toBeVisible();
  expect(await read.byLinkedin(canonical)).toEqual([expect.objectContaining({ id: contact.id, emails: [MORGAN.email] })]);

  await linkedinPage.navigateTo(PRIYA_PROFILE);
  await expect(sidebar.contactName).toHaveText(PRIYA_PROFILE.name);
  await expect(sidebar.frame.getByText(MORGAN.name)).toHaveCount(0);
  await expect(sidebar.frame.getByText('Not in Baton yet. Capturing stores:')).toBeVisible();
});
