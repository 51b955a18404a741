import * as api from '@baton/shared/api';
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { validate } from '../middleware/validate.ts';
import { describe } from '../openapi/describe.ts';
import { teamHandoff, teamHandoffs } from '../services/team/handoffs.ts';
import { invite, listPending, resend, revoke } from '../services/team/invitations.ts';
import { changeRole, deactivate, listMembers, openDealsOf } from '../services/team/members.ts';

export const teamRoutes = new Hono<AppEnv>()
  .get('/members', describe(api.listMembers), async (c) => c.json({ members: await listMembers(c.var.db, c.var.caller) }, 200))
  .patch('/members/:id', describe(api.updateMember), validate('param', api.updateMember.params), validate('json', api.updateMember.body), async (c) =>
    c.json(await changeRole(c.var.db, c.var.caller, c.req.valid('param').id, c.req.valid('json').role), 200),
  )
  .post('/members/:id/deactivate', describe(api.deactivateMember), validate('param', api.deactivateMember.params), async (c) =>
    c.json(await deactivate(c.var.db, c.var.caller, c.req.valid('param').id), 200),
  )
  .get('/members/:id/open-deals', describe(api.memberOpenDeals), validate('param', api.memberOpenDeals.params), async (c) =>
    c.json({ deals: await openDealsOf(c.var.db, c.var.caller, c.req.valid('param').id) }, 200),
  )
  .post('/invitations', describe(api.createInvitation), validate('json', api.createInvitation.body), async (c) =>
    c.json(await invite(c.var.services, c.var.caller, c.req.valid('json')), 201),
  )
  .get('/invitations', describe(api.listInvitations), async (c) => c.json({ invitations: await listPending(c.var.services, c.var.caller) }, 200))
  .post('/invitations/:id/resend', describe(api.resendInvitation), validate('param', api.resendInvitation.params), async (c) =>
    c.json(await resend(c.var.services, c.var.caller, c.req.valid('param').id), 200),
  )
  .delete('/invitations/:id', describe(api.revokeInvitation), validate('param', api.revokeInvitation.params), async (c) => {
    await revoke(c.var.services, c.var.caller, c.req.valid('param').id);
    return c.json({ ok: true as const }, 200);
  })
  .get('/handoffs', describe(api.listTeamHandoffs), validate('query', api.listTeamHandoffs.query), async (c) =>
    c.json(await teamHandoffs(c.var.db, c.var.caller, c.req.valid('query')), 200),
  )
  .get('/handoffs/:id', describe(api.getTeamHandoff), validate('param', api.getTeamHandoff.params), async (c) =>
    c.json(await teamHandoff(c.var.db, c.var.caller, c.req.valid('param').id), 200),
  );
