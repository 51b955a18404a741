const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export const formatDate = (iso: string): string => dateFormat.format(new Date(iso));
export const formatDateTime = (iso: string): string => dateTimeFormat.format(new Date(iso));

const stageLabels: Record<string, string> = {
  new: 'New',
  qualifying: 'Qualifying',
  qualified: 'Qualified',
  discovery: 'Discovery',
  proposal: 'Proposal',
  negotiation: 'Negotiation',
  won: 'Won',
  lost: 'Lost',
};
export const stageLabel = (stage: string): string => stageLabels[stage] ?? stage;

const roleLabels: Record<string, string> = {
  sdr: 'SDR',
  ae: 'AE',
  csm: 'CSM',
  marketing: 'Marketing',
  manager: 'Manager',
  admin: 'Admin',
};
export const roleLabel = (role: string): string => roleLabels[role] ?? role;

export const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;
