import { z } from 'zod';
import { Id, longText, shortText, Timestamp } from './common.ts';
import { Qualification } from './deal.ts';

export const handoffKinds = ['sdr_to_ae', 'marketing_to_sdr', 'ae_to_csm'] as const;
export const HandoffKind = z.enum(handoffKinds);
export type HandoffKind = z.infer<typeof HandoffKind>;

export const warmIntroPlans = ['intro_email', 'joint_call', 'none'] as const;
export const WarmIntro = z.enum(warmIntroPlans);
export type WarmIntro = z.infer<typeof WarmIntro>;

export const handoffStatuses = ['pending', 'accepted', 'rejected'] as const;
export const HandoffStatus = z.enum(handoffStatuses);
export type HandoffStatus = z.infer<typeof HandoffStatus>;

/** The words a rep uses to say explicitly that the prospect raised no objection. */
export const NONE_RAISED = 'None raised';

const text = longText(5000);

/**
 * What the handoff form sends. Every field may be empty on the wire: readiness (not the
 * schema) decides what is missing, so the API can answer 422 naming each missing field.
 */
export const HandoffInput = z
  .object({
    /** Client-generated, so a retried handoff is answered with the one already recorded. */
    id: Id.optional(),
    kind: HandoffKind,
    toUserId: Id,
    version: z.number().int().min(1),
    trigger: text.nullish(),
    discussed: text.nullish(),
    objections: text.nullish(),
    qualification: Qualification.partial().nullish(),
    nextStep: z
      .object({ what: shortText(500).nullish(), dueAt: Timestamp.nullish() })
      .nullish(),
    warmIntro: WarmIntro.nullish(),
  })
  .strict();
export type HandoffInput = z.infer<typeof HandoffInput>;

/** A handoff being written: everything optional, as the rep fills it in. */
export const HandoffDraft = HandoffInput.partial().extend({ kind: HandoffKind, toUserId: Id.nullish() });
export type HandoffDraft = z.infer<typeof HandoffDraft>;

export const Handoff = z.object({
  id: Id,
  dealId: Id,
  contactId: Id,
  kind: HandoffKind,
  fromUserId: Id,
  toUserId: Id,
  status: HandoffStatus,
  trigger: z.string(),
  discussed: z.string(),
  objections: z.string(),
  qualification: Qualification,
  nextStep: z.object({ what: z.string(), dueAt: Timestamp, ownerId: Id }),
  warmIntro: WarmIntro,
  rejectionReason: z.string().nullable(),
  createdAt: Timestamp,
  respondedAt: Timestamp.nullable(),
  /** Milliseconds between the handoff and its acceptance. */
  timeToAcceptMs: z.number().int().nullable(),
});
export type Handoff = z.infer<typeof Handoff>;

export const RejectHandoffInput = z.object({
  reason: shortText(2000).min(1, 'say why the handoff is sent back'),
});
export type RejectHandoffInput = z.infer<typeof RejectHandoffInput>;
