import { expect, type FrameLocator, type Locator } from '@playwright/test';

export interface HandoffFields {
  recipient: string;
  trigger: string;
  discussed: string;
  /** Omitted: press "None raised". */
  objections?: string;
  budget: string;
  authority: string;
  need: string;
  timeline: string;
  nextStep: string;
  /** A `datetime-local` value in the browser's time zone, e.g. "2026-12-03T10:00". */
  nextStepDate: string;
  warmIntro: 'Intro email' | 'Joint call' | 'None';
}

/** The handoff panel in the sidebar: a form named "Hand off", every input found by its label. */
export class HandoffPanel {
  readonly form: Locator;

  constructor(frame: FrameLocator) {
    this.form = frame.getByRole('form', { name: 'Hand off' });
  }

  get checklist(): Locator {
    return this.form.getByRole('region', { name: 'Readiness checklist' });
  }

  /** The checklist's entries: one button per missing field, named after it. */
  get missing(): Locator {
    return this.checklist.getByRole('listitem');
  }

  get handOffButton(): Locator {
    return this.form.getByRole('button', { name: 'Hand off', exact: true });
  }

  field(label: string | RegExp): Locator {
    return this.form.getByLabel(label, { exact: typeof label === 'string' });
  }

  async fill(values: HandoffFields): Promise<void> {
    await this.field('Recipient').selectOption({ label: values.recipient });
    await this.field('Why they engaged').fill(values.trigger);
    await this.field('What was discussed').fill(values.discussed);
    if (values.objections === undefined) {
      await this.form.getByRole('button', { name: 'None raised', exact: true }).click();
      await expect(this.field(/^Objections raised/)).toHaveValue('None raised');
    } else {
      await this.field(/^Objections raised/).fill(values.objections);
    }
    await this.field('Budget').fill(values.budget);
    await this.field('Authority').fill(values.authority);
    await this.field('Need').fill(values.need);
    await this.field('Timeline').fill(values.timeline);
    await this.field('Agreed next step').fill(values.nextStep);
    await this.field('Next step date').fill(values.nextStepDate);
    await this.form.getByRole('radio', { name: values.warmIntro }).check();
  }
}
