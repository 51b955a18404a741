import { alwaysRequired, can, handoffKinds, templateFor, type FieldPath, type HandoffKind, type HandoffTemplate } from '@baton/shared';
import { eq } from 'drizzle-orm';
import type { Auth, Caller } from '../../context.ts';
import type { Db, Tx } from '../../db/client.ts';
import { orgs } from '../../db/schema.ts';
import { forbidden } from '../../errors.ts';
import { recordAudit } from '../audit/record.ts';

type Overrides = Partial<Record<HandoffKind, { required: FieldPath[] }>>;

export async function templateOverrides(db: Tx, orgId: string): Promise<Overrides> {
  const [row] = await db.select({ templates: orgs.handoffTemplates }).from(orgs).where(eq(orgs.id, orgId)).limit(1);
  // The column is only written by setTemplate below, which stores validated field paths.
  return (row?.templates ?? {}) as Overrides;
}

export async function templatesInForce(db: Tx, caller: Pick<Caller, 'orgId'>): Promise<HandoffTemplate[]> {
  const { orgId } = caller;
  const overrides = await templateOverrides(db, orgId);
  return handoffKinds.map((kind) => templateFor(kind, overrides));
}

export async function setTemplate(db: Db, auth: Caller, kind: HandoffKind, required: FieldPath[]): Promise<HandoffTemplate> {
  const { requestId } = auth;
  // Stored with the always-required fields, so what the API lists is exactly what readiness enforces.
  const fields = [...new Set<FieldPath>([...alwaysRequired, ...required])];
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ templates: orgs.handoffTemplates }).from(orgs).where(eq(orgs.id, auth.orgId)).for('update');
    const overrides = (row?.templates ?? {}) as Overrides;
    const before = templateFor(kind, overrides);
    const next: Overrides = { ...overrides, [kind]: { required: fields } };
    await tx.update(orgs).set({ handoffTemplates: next }).where(eq(orgs.id, auth.orgId));
    const after = templateFor(kind, next);
    await recordAudit(tx, { orgId: auth.orgId, actorId: auth.userId, action: 'handoff_template.update', entityType: 'org', entityId: auth.orgId, before, after, requestId });
    return after;
  });
}

/** The template endpoint: managers and admins only. */
export async function changeTemplate(db: Db, caller: Caller, kind: HandoffKind, required: FieldPath[]): Promise<HandoffTemplate> {
  if (!can(caller.role, 'edit_templates')) throw forbidden('Only managers and admins can change handoff templates');
  return setTemplate(db, caller, kind, required);
}
