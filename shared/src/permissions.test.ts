import { describe, expect, it } from 'vitest';
import { canManageContact } from './permissions.ts';

const contact = { ownerId: 'owner', openDealOwnerIds: ['ae'] };

describe('canManageContact', () => {
  it.each([
    [{ userId: 'owner', role: 'sdr' as const }, contact, true],
    [{ userId: 'ae', role: 'ae' as const }, contact, true],
    [{ userId: 'boss', role: 'manager' as const }, contact, true],
    [{ userId: 'root', role: 'admin' as const }, contact, true],
    [{ userId: 'other', role: 'sdr' as const }, contact, false],
    [{ userId: 'other', role: 'csm' as const }, { ownerId: 'owner', openDealOwnerIds: [] }, false],
    [{ userId: 'other', role: 'marketing' as const }, { ownerId: null, openDealOwnerIds: [] }, true],
  ])('%j on %j → %s', (actor, target, allowed) => {
    expect(canManageContact(actor, target)).toBe(allowed);
  });
});
