import { z } from 'zod';
import { Id, shortText, Timestamp } from './common.ts';

export const dealStages = [
  'new',
  'qualifying',
  'qualified',
  'discovery',
  'proposal',
  'negotiation',
  'won',
  'lost',
] as const;
export const DealStage = z.enum(dealStages);
export type DealStage = z.infer<typeof DealStage>;

const qualificationField = shortText(2000).nullable();

export const Qualification = z.object({
  budget: qualificationField,
  authority: qualificationField,
  need: qualificationField,
  timeline: qualificationField,
});
export type Qualification = z.infer<typeof Qualification>;

export const NextStep = z.object({
  what: shortText(500).nullable(),
  dueAt: Timestamp.nullable(),
  ownerId: Id.nullable(),
});
export type NextStep = z.infer<typeof NextStep>;

export const Deal = z.object({
  id: Id,
  contactId: Id,
  title: z.string(),
  stage: DealStage,
  ownerId: Id,
  version: z.number().int().min(1),
  qualification: Qualification,
  nextStep: NextStep,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Deal = z.infer<typeof Deal>;

export const CreateDealInput = z.object({
  /** Client-generated, so a retried create is answered with the deal it already made. */
  id: Id.optional(),
  contactId: Id,
  title: shortText(200).min(1, 'a deal needs a title'),
  stage: DealStage.optional(),
});
export type CreateDealInput = z.infer<typeof CreateDealInput>;

export const UpdateDealInput = z
  .object({
    version: z.number().int().min(1),
    title: shortText(200).min(1).optional(),
    stage: DealStage.optional(),
    qualification: Qualification.partial().optional(),
    nextStep: NextStep.partial().optional(),
  })
  .strict();
export type UpdateDealInput = z.infer<typeof UpdateDealInput>;
