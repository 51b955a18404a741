export interface IntroFacts {
  prospectName: string | null;
  aeName: string;
  senderName: string | null;
  nextStep: { what: string; dueAt: string } | null;
  /** Tests pin the time zone; the rep's browser uses its own. */
  timeZone?: string;
}

const firstName = (name: string | null): string | null => name?.trim().split(/\s+/)[0] || null;

/** "Thu 10:00": short enough for an email line, with the time the prospect agreed to. */
export function shortWhen(iso: string, timeZone?: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  const format = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-GB', { ...options, ...(timeZone ? { timeZone } : {}) }).format(at);
  return `${format({ weekday: 'short' })} ${format({ hour: '2-digit', minute: '2-digit', hour12: false })}`;
}

/**
 * The short introduction the rep sends after handing a prospect to an AE. A starting point the rep
 * edits in Gmail, so it stays plain and brief.
 */
export function introText(facts: IntroFacts): string {
  const greeting = firstName(facts.prospectName) ? `Hi ${firstName(facts.prospectName)} —` : 'Hi —';
  const when = facts.nextStep ? shortWhen(facts.nextStep.dueAt, facts.timeZone) : '';
  const handover = facts.nextStep
    ? `, who will take it from here for the ${lowerFirst(facts.nextStep.what)}${when ? ` on ${when}` : ''}`
    : ', who will take it from here';
  const aeFirst = firstName(facts.aeName) ?? facts.aeName;
  const lines = [greeting, '', `Introducing ${facts.aeName}, our account executive${handover}. ${aeFirst}, over to you.`, '', 'Best,'];
  const sender = firstName(facts.senderName);
  if (sender) lines.push(sender);
  return lines.join('\n');
}

/** "Demo with the support leads" reads as "the demo with …" mid-sentence; acronyms ("SSO review") stay. */
function lowerFirst(text: string): string {
  const trimmed = text.trim();
  if (/^[A-Z][A-Z]/.test(trimmed)) return trimmed;
  return trimmed.charAt(0).toLowerCase() + trimmed.slice(1);
}
