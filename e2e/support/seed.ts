import type { Contact, Deal, Handoff } from '@baton/shared';
import type { ApiHttp } from './api-http.ts';

/* Prospects set up through the API before a flow, as the rest of the team would have left them. */

export interface Prospect {
  name: string;
  email: string;
}

export async function seedContact(api: ApiHttp, person: Prospect, details: { company?: string; title?: string } = {}): Promise<Contact> {
  const { contact } = await api.resolveContact({ emails: [person.email], name: person.name, ...details });
  return contact;
}

export interface HandedOffDeal {
  contact: Contact;
  deal: Deal;
  handoff: Handoff;
}

/** A qualified deal the SDR (`sdr`) hands to the AE `toUserId`, with every field of the brief filled in. */
export async function seedHandedOffDeal(
  sdr: ApiHttp,
  person: Prospect,
  brief: { toUserId: string; dealTitle: string; company: string; discussed: string; nextStep: string; dueAt: Date },
): Promise<HandedOffDeal> {
  const contact = await seedContact(sdr, person, { company: brief.company, title: 'Head of Support' });
  const deal = await sdr.createDeal({ contactId: contact.id, title: brief.dealTitle, stage: 'qualified' });
  const handoff = await sdr.handoff(deal.id, {
    kind: 'sdr_to_ae',
    toUserId: brief.toUserId,
    version: deal.version,
    trigger: 'Asked for a pilot after the support-automation webinar',
    discussed: brief.discussed,
    objections: 'None raised',
    qualification: {
      budget: 'Approved for this quarter',
      authority: `${person.name} signs off`,
      need: 'Support backlog doubled this year',
      timeline: 'Pilot in April',
    },
    nextStep: { what: brief.nextStep, dueAt: brief.dueAt.toISOString() },
    warmIntro: 'intro_email',
  });
  return { contact, deal, handoff };
}
