// @vitest-environment jsdom
import type { Activity } from '@baton/shared';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { ActivityItem } from './activity-item.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const email = (details: Activity['details']): Activity => ({
  id: '00000000-0000-4000-8000-0000000000e1',
  contactId: '00000000-0000-4000-8000-0000000000c1',
  dealId: null,
  type: 'email',
  occurredAt: '2026-01-05T16:30:00.000Z',
  subject: 'Пилотный проект',
  body: null,
  source: { gmailThreadId: '19e2f3a4b5c6d7e8', gmailMessageId: 'opaque:x' },
  details,
  actorId: '00000000-0000-4000-8000-0000000000a1',
  createdAt: '2026-01-05T16:30:00.000Z',
});

async function render(activity: Activity): Promise<string> {
  const container = document.createElement('ul');
  const root = createRoot(container);
  await act(async () => root.render(<ActivityItem activity={activity} when="Jan 5, 4:30 PM" />));
  const text = container.textContent ?? '';
  await act(async () => root.unmount());
  return text;
}

describe('ActivityItem', () => {
  it('says when an email is timed at logging because Gmail’s date could not be read', async () => {
    expect(await render(email({ to: [], cc: [], timeFromLogging: true }))).toContain('Jan 5, 4:30 PM (time not read from Gmail)');
    expect(await render(email({ to: [], cc: [] }))).not.toContain('time not read');
  });
});
