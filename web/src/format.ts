/* Times and durations are written the same way on every page: in the viewer's locale and time zone. */

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export const formatDateTime = (iso: string): string => dateTime.format(new Date(iso));
export const formatDate = (iso: string): string => dateOnly.format(new Date(iso));

/** "45 min", "3 h 20 min", "2 days 4 h": how long a handoff has waited or waited. */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return `${days} ${days === 1 ? 'day' : 'days'}${rest === 0 ? '' : ` ${rest} h`}`;
}

const roleLabels: Record<string, string> = { sdr: 'SDR', ae: 'AE', csm: 'CSM', marketing: 'Marketing', manager: 'Manager', admin: 'Admin' };
export const roleLabel = (role: string): string => roleLabels[role] ?? role;

const kindLabels: Record<string, string> = { sdr_to_ae: 'SDR → AE', marketing_to_sdr: 'Marketing → SDR', ae_to_csm: 'AE → CSM' };
export const kindLabel = (kind: string): string => kindLabels[kind] ?? kind;

const statusLabels: Record<string, string> = { pending: 'Pending', accepted: 'Accepted', rejected: 'Sent back' };
export const statusLabel = (status: string): string => statusLabels[status] ?? status;

const warmIntroLabels: Record<string, string> = { intro_email: 'Intro email', joint_call: 'Joint call', none: 'No warm introduction' };
export const warmIntroLabel = (plan: string): string => warmIntroLabels[plan] ?? plan;
