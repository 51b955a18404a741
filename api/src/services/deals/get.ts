import type { Deal } from '@baton/shared';
import type { Caller } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import { toDeal } from '../serialize.ts';
import { requireDeal } from './store.ts';

export async function getDeal(db: Tx, caller: Caller, id: string): Promise<Deal> {
  return toDeal(await requireDeal(db, caller.orgId, id));
}
