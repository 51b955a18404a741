import { HandoffDraft, type Activity, type BriefHandoff, type Deal, type FieldPath, type HandoffKind, type Role, type WarmIntro } from '@baton/shared';

/** What the panel's inputs hold: plain strings, as typed. `nextDue` is a local `datetime-local` value. */
export interface HandoffForm {
  kind: HandoffKind;
  toUserId: string;
  trigger: string;
  discussed: string;
  objections: string;
  budget: string;
  authority: string;
  need: string;
  timeline: string;
  nextWhat: string;
  nextDue: string;
  warmIntro: WarmIntro | '';
}

export const kindLabels: Record<HandoffKind, string> = { sdr_to_ae: 'SDR → AE', marketing_to_sdr: 'Marketing → SDR', ae_to_csm: 'AE → CSM' };

const kindByRole: Partial<Record<Role, HandoffKind>> = { sdr: 'sdr_to_ae', marketing: 'marketing_to_sdr', ae: 'ae_to_csm' };

/** The handoff a person of this role usually makes. */
export const defaultKind = (role: Role | undefined): HandoffKind => (role ? kindByRole[role] : undefined) ?? 'sdr_to_ae';

/** The id of the input for each field: the checklist focuses it, 422 messages point at it. */
export const fieldId = (path: FieldPath): string => `handoff-${path.replace('.', '-')}`;

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO time → the `datetime-local` value in this browser's time zone. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** A `datetime-local` value (read in this browser's time zone) → ISO, or undefined when incomplete. */
export function fromLocalInput(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return undefined;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

const text = (value: string): string | undefined => (value.trim() === '' ? undefined : value);

/** The form as a draft: what readiness() judges, what is saved locally, and (with a version) what is sent. */
export function toDraft(form: HandoffForm): HandoffDraft {
  return HandoffDraft.parse({
    kind: form.kind,
    toUserId: text(form.toUserId),
    trigger: text(form.trigger),
    discussed: text(form.discussed),
    objections: text(form.objections),
    qualification: { budget: text(form.budget), authority: text(form.authority), need: text(form.need), timeline: text(form.timeline) },
    nextStep: { what: text(form.nextWhat), dueAt: fromLocalInput(form.nextDue) },
    warmIntro: form.warmIntro === '' ? undefined : form.warmIntro,
  });
}

export function fromDraft(draft: HandoffDraft): HandoffForm {
  return {
    kind: draft.kind,
    toUserId: draft.toUserId ?? '',
    trigger: draft.trigger ?? '',
    discussed: draft.discussed ?? '',
    objections: draft.objections ?? '',
    budget: draft.qualification?.budget ?? '',
    authority: draft.qualification?.authority ?? '',
    need: draft.qualification?.need ?? '',
    timeline: draft.qualification?.timeline ?? '',
    nextWhat: draft.nextStep?.what ?? '',
    nextDue: toLocalInput(draft.nextStep?.dueAt),
    warmIntro: draft.warmIntro ?? '',
  };
}

export interface PrefillSources {
  kind: HandoffKind;
  deal: Pick<Deal, 'qualification' | 'nextStep'>;
  /** The subject of the thread open in Gmail, if any. */
  threadSubject?: string | null;
  /** The contact's timeline, newest first (as the brief holds it). */
  timeline: readonly Activity[];
}

function linkedinHeadline(timeline: readonly Activity[]): string | null {
  const snapshot = timeline.find((activity) => activity.type === 'linkedin_profile');
  const profile = (snapshot?.details as { profile?: { headline?: unknown } } | undefined)?.profile;
  if (typeof profile?.headline === 'string' && profile.headline.trim() !== '') return profile.headline.trim();
  return snapshot?.subject?.trim() || null;
}

function firstEmailSubject(sources: PrefillSources): string | null {
  if (sources.threadSubject?.trim()) return sources.threadSubject.trim();
  const emails = sources.timeline.filter((activity) => activity.type === 'email' && activity.subject);
  return emails.at(-1)?.subject?.trim() || null;
}

/** "Fix & resend": everything the sent-back handoff held, so the rep changes only what the reason asks for. */
export function fromSentBack(handoff: BriefHandoff): HandoffForm {
  return {
    kind: handoff.kind,
    toUserId: handoff.toUserId,
    trigger: handoff.trigger,
    discussed: handoff.discussed,
    objections: handoff.objections,
    budget: handoff.qualification.budget ?? '',
    authority: handoff.qualification.authority ?? '',
    need: handoff.qualification.need ?? '',
    timeline: handoff.qualification.timeline ?? '',
    nextWhat: handoff.nextStep.what,
    nextDue: toLocalInput(handoff.nextStep.dueAt),
    warmIntro: handoff.warmIntro,
  };
}

/** Words Baton can offer for a field but must not answer with: the rep confirms or edits them. */
export type Suggestions = Partial<Pick<HandoffForm, 'trigger' | 'discussed'>>;

/** Where the prospect came from (their LinkedIn headline) and what the thread was about (its subject). */
export function suggestions(sources: PrefillSources): Suggestions {
  const headline = linkedinHeadline(sources.timeline);
  const subject = firstEmailSubject(sources);
  return { ...(headline ? { trigger: `LinkedIn: ${headline}` } : {}), ...(subject ? { discussed: `Email: ${subject}` } : {}) };
}

/**
 * What Baton already knows as answers (the deal's qualification and next step), so the rep edits
 * rather than retypes. Guesses from the thread or the profile are `suggestions`, not answers: a
 * subject line is not "what was discussed" until the rep says so.
 */
export function prefill(sources: PrefillSources): HandoffForm {
  const { deal } = sources;
  return {
    kind: sources.kind,
    toUserId: '',
    trigger: '',
    discussed: '',
    objections: '',
    budget: deal.qualification.budget ?? '',
    authority: deal.qualification.authority ?? '',
    need: deal.qualification.need ?? '',
    timeline: deal.qualification.timeline ?? '',
    nextWhat: deal.nextStep.what ?? '',
    nextDue: toLocalInput(deal.nextStep.dueAt),
    warmIntro: '',
  };
}
