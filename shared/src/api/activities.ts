import { z } from 'zod';
import { activityTypes, ActivityBatchInput, ActivityBatchResult, ActivityInput, serverOnlyActivityTypes } from '../schemas/activity.ts';
import { endpoint } from './endpoint.ts';

const serverOnly: readonly string[] = serverOnlyActivityTypes;
/** The types a client may log; the others the server writes itself (an item of theirs is `invalid`). */
export const clientActivityTypes = activityTypes.filter((type) => !serverOnly.includes(type));
export const ClientActivityInput = ActivityInput.extend({ type: z.enum(clientActivityTypes) });

export const logActivities = endpoint({
  method: 'post', path: '/v1/activities/batch', tag: 'activities',
  summary: 'Log up to 500 activities; idempotent by activity id (a replay stores nothing twice). Items are checked one by one: a bad one is answered `invalid`, the others are stored',
  body: ActivityBatchInput,
  documentedBody: z.object({ activities: z.array(ClientActivityInput).min(1).max(500) }),
  responses: { 200: { description: 'One result per item, in order', schema: ActivityBatchResult } },
});
