import type { Activity } from '@baton/shared';
import { useState } from 'react';

const typeLabels: Record<Activity['type'], string> = {
  email: 'Email',
  linkedin_profile: 'LinkedIn profile',
  linkedin_message: 'LinkedIn message',
  note: 'Note',
  call: 'Call',
  meeting: 'Meeting',
  handoff: 'Handoff',
  owner_change: 'Owner change',
  stage_change: 'Stage change',
};

/** One entry; bodies are plain text shown as text (never as markup), folded until asked for. */
export function ActivityItem({ activity, when }: { activity: Activity; when: string }) {
  const [open, setOpen] = useState(false);
  // A note or call has no subject: its own words make a better title than repeating "Note".
  const preview = activity.subject == null && activity.details?.from == null && activity.body ? previewOf(activity.body) : null;
  const title = activity.subject ?? activity.details?.from?.name ?? preview?.text ?? typeLabels[activity.type];
  const folded = activity.body && !preview?.complete;
  return (
    <li className="activity">
      <div className="row spread small">
        <span className="pill">{typeLabels[activity.type]}</span>
        <span className="muted">
          {when}
          {activity.details?.timeFromLogging ? <span className="small"> (time not read from Gmail)</span> : null}
        </span>
      </div>
      <p className="activity-title">{title}</p>
      {activity.type === 'email' && activity.details?.from ? (
        <p className="small muted">From {activity.details.from.name ?? activity.details.from.email}</p>
      ) : null}
      {folded ? (
        <>
          {open ? <p className="body-text">{activity.body}</p> : null}
          <button type="button" className="link small" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? 'Hide text' : 'Show text'}
            <span className="visually-hidden"> of {preview ? typeLabels[activity.type] : title}</span>
          </button>
        </>
      ) : null}
    </li>
  );
}

const PREVIEW_LENGTH = 160;

function previewOf(body: string): { text: string; complete: boolean } {
  const flat = body.replace(/\s+/g, ' ').trim();
  if (flat.length <= PREVIEW_LENGTH && !body.includes('\n')) return { text: flat, complete: true };
  return { text: flat.length <= PREVIEW_LENGTH ? flat : `${flat.slice(0, PREVIEW_LENGTH - 1)}…`, complete: false };
}
