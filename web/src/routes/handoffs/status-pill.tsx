import type { HandoffStatus } from '@baton/shared';
import { statusLabel } from '../../format.ts';

const tone: Record<HandoffStatus, string> = { pending: 'warn', accepted: 'ok', rejected: 'danger' };

export function StatusPill({ status }: { status: HandoffStatus }) {
  return <span className={`pill ${tone[status]}`}>{statusLabel(status)}</span>;
}
