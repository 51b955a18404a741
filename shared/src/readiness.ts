import { z } from 'zod';
import type { Deal, Qualification } from './schemas/deal.ts';
import type { HandoffDraft, HandoffKind, WarmIntro } from './schemas/handoff.ts';
import { HandoffKind as HandoffKindSchema } from './schemas/handoff.ts';
import type { Role } from './schemas/org.ts';

export const fieldPaths = [
  'toUserId',
  'trigger',
  'discussed',
  'objections',
  'qualification.budget',
  'qualification.authority',
  'qualification.need',
  'qualification.timeline',
  'nextStep.what',
  'nextStep.dueAt',
  'warmIntro',
] as const;
export const FieldPath = z.enum(fieldPaths);
export type FieldPath = z.infer<typeof FieldPath>;

/** A handoff without a recipient or an agreed, dated next step is a handoff in name only. */
export const alwaysRequired: readonly FieldPath[] = ['toUserId', 'nextStep.what', 'nextStep.dueAt'];

/**
 * Answers that fill a field without saying anything. Compared case-insensitively after trimming;
 * anything made only of question marks, dashes, dots and spaces counts too ("???", "--", "...").
 */
export const defaultPlaceholders: readonly string[] = ['tbd', 'tba', 'tbc', 'n/a', 'na', '?', '-', 'unknown', 'todo', 'to do', 'idk', 'xxx'];

/** The fields a rep writes in words: a placeholder there is not an answer. */
export const writtenFields: readonly FieldPath[] = [
  'trigger',
  'discussed',
  'objections',
  'qualification.budget',
  'qualification.authority',
  'qualification.need',
  'qualification.timeline',
  'nextStep.what',
];

const normalised = (value: string) => value.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[.!]+$/, '');

/** Whether `value` is a stand-in (TBD, n/a, ?, -, unknown, or the organisation's own list) rather than an answer. */
export function isPlaceholder(value: string, placeholders: readonly string[] = defaultPlaceholders): boolean {
  if (/^[\s?.\-–—_…]+$/.test(value)) return true;
  const answer = normalised(value);
  return placeholders.some((placeholder) => normalised(placeholder) === answer);
}

export const HandoffTemplate = z.object({
  kind: HandoffKindSchema,
  required: z.array(FieldPath).max(fieldPaths.length),
  /** The organisation's placeholder answers; Baton's `defaultPlaceholders` when absent. */
  placeholders: z.array(z.string().trim().min(1).max(50)).max(100).optional(),
});
export type HandoffTemplate = z.infer<typeof HandoffTemplate>;

export const defaultTemplates: Record<HandoffKind, HandoffTemplate> = {
  sdr_to_ae: { kind: 'sdr_to_ae', required: [...fieldPaths] },
  marketing_to_sdr: {
    kind: 'marketing_to_sdr',
    required: ['toUserId', 'trigger', 'discussed', 'qualification.need', 'nextStep.what', 'nextStep.dueAt'],
  },
  ae_to_csm: {
    kind: 'ae_to_csm',
    required: [
      'toUserId',
      'discussed',
      'objections',
      'qualification.budget',
      'qualification.need',
      'qualification.timeline',
      'nextStep.what',
      'nextStep.dueAt',
      'warmIntro',
    ],
  },
};

/** Who may receive each kind of handoff. */
export const recipientRoles: Record<HandoffKind, readonly Role[]> = {
  sdr_to_ae: ['ae'],
  marketing_to_sdr: ['sdr'],
  ae_to_csm: ['csm'],
};

export const fieldLabels: Record<FieldPath, string> = {
  toUserId: 'Recipient',
  trigger: 'Why they engaged',
  discussed: 'What was discussed',
  objections: 'Objections raised (or "None raised")',
  'qualification.budget': 'Budget',
  'qualification.authority': 'Authority',
  'qualification.need': 'Need',
  'qualification.timeline': 'Timeline',
  'nextStep.what': 'Agreed next step',
  'nextStep.dueAt': 'Next step date',
  warmIntro: 'Warm-introduction plan',
};

/** The handoff as it will be recorded: the draft, falling back to what the deal already knows. */
export interface EffectiveHandoff {
  toUserId: string | null;
  trigger: string | null;
  discussed: string | null;
  objections: string | null;
  qualification: Qualification;
  nextStep: { what: string | null; dueAt: string | null };
  warmIntro: WarmIntro | null;
}

type DealFacts = Pick<Deal, 'qualification' | 'nextStep'>;

const filled = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

export function effectiveHandoff(deal: DealFacts, draft: Partial<HandoffDraft>): EffectiveHandoff {
  const q = draft.qualification ?? {};
  return {
    toUserId: filled(draft.toUserId),
    trigger: filled(draft.trigger),
    discussed: filled(draft.discussed),
    objections: filled(draft.objections),
    qualification: {
      budget: filled(q.budget) ?? filled(deal.qualification.budget),
      authority: filled(q.authority) ?? filled(deal.qualification.authority),
      need: filled(q.need) ?? filled(deal.qualification.need),
      timeline: filled(q.timeline) ?? filled(deal.qualification.timeline),
    },
    nextStep: {
      what: filled(draft.nextStep?.what) ?? filled(deal.nextStep.what),
      dueAt: filled(draft.nextStep?.dueAt) ?? filled(deal.nextStep.dueAt),
    },
    warmIntro: draft.warmIntro ?? null,
  };
}

export interface Readiness {
  ready: boolean;
  /** In the template's order, always-required fields first. */
  missing: FieldPath[];
  /** Why each missing field counts as missing, in words a rep understands. */
  reasons: Partial<Record<FieldPath, string>>;
}

function valueAt(handoff: EffectiveHandoff, path: FieldPath): string | null {
  switch (path) {
    case 'toUserId':
    case 'trigger':
    case 'discussed':
    case 'objections':
    case 'warmIntro':
      return handoff[path];
    case 'qualification.budget':
      return handoff.qualification.budget;
    case 'qualification.authority':
      return handoff.qualification.authority;
    case 'qualification.need':
      return handoff.qualification.need;
    case 'qualification.timeline':
      return handoff.qualification.timeline;
    case 'nextStep.what':
      return handoff.nextStep.what;
    case 'nextStep.dueAt':
      return handoff.nextStep.dueAt;
  }
}

/**
 * Whether a deal may change hands. The one rule both the handoff panel and the API enforce.
 */
export function readiness(
  deal: DealFacts,
  draft: Partial<HandoffDraft>,
  template: Pick<HandoffTemplate, 'required' | 'placeholders'>,
  now: Date = new Date(),
): Readiness {
  const placeholders = template.placeholders ?? defaultPlaceholders;
  const handoff = effectiveHandoff(deal, draft);
  const required = [...new Set<FieldPath>([...alwaysRequired, ...template.required])];
  const missing: FieldPath[] = [];
  const reasons: Partial<Record<FieldPath, string>> = {};
  for (const path of required) {
    const value = valueAt(handoff, path);
    if (value === null) {
      missing.push(path);
      reasons[path] = `${fieldLabels[path]} is required`;
      continue;
    }
    if (writtenFields.includes(path) && isPlaceholder(value, placeholders)) {
      missing.push(path);
      reasons[path] = `"${value.trim()}" is a placeholder, not an answer — say what you know`;
      continue;
    }
    if (path === 'nextStep.dueAt') {
      const due = Date.parse(value);
      if (Number.isNaN(due)) {
        missing.push(path);
        reasons[path] = 'The next step needs a valid date';
      } else if (due <= now.getTime()) {
        missing.push(path);
        reasons[path] = 'The next step date is in the past';
      }
    }
  }
  return { ready: missing.length === 0, missing, reasons };
}

/** The template in force: an organisation's override, else the default for the kind. */
export function templateFor(
  kind: HandoffKind,
  overrides: Partial<Record<HandoffKind, Pick<HandoffTemplate, 'required' | 'placeholders'>>> = {},
): HandoffTemplate {
  const override = overrides[kind];
  if (!override) return defaultTemplates[kind];
  return { kind, required: [...override.required], ...(override.placeholders ? { placeholders: [...override.placeholders] } : {}) };
}

export function canReceive(kind: HandoffKind, role: Role): boolean {
  return recipientRoles[kind].includes(role);
}
