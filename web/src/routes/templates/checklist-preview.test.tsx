import { alwaysRequired, fieldLabels } from '@baton/shared';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ChecklistPreview } from './checklist-preview.tsx';

afterEach(cleanup);

describe('the template preview', () => {
  it("lists what the shared readiness rule asks of a new handoff: the always-required fields first, then the template's", () => {
    render(<ChecklistPreview kind="sdr_to_ae" required={['trigger', 'qualification.budget']} />);
    const items = within(screen.getByRole('list', { name: 'Readiness checklist preview' })).getAllByRole('listitem');
    expect(items.map((item) => item.textContent?.trim())).toEqual([...alwaysRequired, 'trigger', 'qualification.budget'].map((path) => fieldLabels[path as keyof typeof fieldLabels]));
  });

  it('still lists the always-required fields when the template asks for nothing more', () => {
    render(<ChecklistPreview kind="ae_to_csm" required={[]} />);
    expect(within(screen.getByRole('list', { name: 'Readiness checklist preview' })).getAllByRole('listitem')).toHaveLength(alwaysRequired.length);
  });
});
