import type { LinkedinProfile } from '@baton/readers/linkedin';
import { roleLine } from './capture.ts';

/** What "Capture profile" would store, before anything is stored. */
export function ProfilePreview({ profile }: { profile: LinkedinProfile }) {
  const role = roleLine(profile);
  return (
    <section className="section" aria-labelledby="profile-name">
      <div className="row">
        {profile.photoUrl ? <img src={profile.photoUrl} alt="" width={48} height={48} referrerPolicy="no-referrer" /> : null}
        <h1 id="profile-name">{profile.name}</h1>
      </div>
      <p className="muted small">Not in Baton yet. Capturing stores:</p>
      <dl className="brief-fields" aria-label="Would be captured">
        <dt>Headline</dt>
        <dd>{profile.headline ?? '—'}</dd>
        <dt>Role</dt>
        <dd>{role ?? '—'}</dd>
        <dt>Location</dt>
        <dd>{profile.location ?? '—'}</dd>
        <dt>Photo</dt>
        <dd>{profile.photoUrl ? 'Yes (LinkedIn photo links expire; the capture time is kept)' : 'None'}</dd>
      </dl>
    </section>
  );
}
