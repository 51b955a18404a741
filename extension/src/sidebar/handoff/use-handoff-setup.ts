import { defaultTemplates, handoffKinds, recipientRoles, templateFor, type HandoffKind, type HandoffTemplate, type UserSummary } from '@baton/shared';
import { useQuery } from '@tanstack/react-query';
import { useBridge } from '../../bridge/react.tsx';
import { useSidebarEnv } from '../shell/sidebar-env.tsx';

const FIVE_MINUTES = 5 * 60_000;

export interface TemplateState {
  template: HandoffTemplate;
  /** Why the organisation's own template is not the one in use, if it is not. */
  note: string | null;
}

/** The template in force for `kind`: the organisation's (cached), else Baton's defaults while the API cannot be asked. */
export function useHandoffTemplate(kind: HandoffKind): TemplateState {
  const bridge = useBridge();
  const { settings } = useSidebarEnv();
  const query = useQuery({
    queryKey: ['handoff-templates', settings.apiUrl, settings.user?.orgId ?? null],
    staleTime: FIVE_MINUTES,
    queryFn: () => bridge.handoffTemplates({}),
  });
  const overrides = Object.fromEntries((query.data?.templates ?? []).map((template) => [template.kind, template])) as Partial<Record<HandoffKind, HandoffTemplate>>;
  const note =
    query.error !== null
      ? "Using Baton's default checklist: your organisation's could not be read"
      : query.data?.source === 'defaults'
        ? "Offline: using Baton's default checklist"
        : null;
  return { template: query.data ? templateFor(kind, overrides) : defaultTemplates[kind], note };
}

export interface Recipients {
  users: UserSummary[] | undefined;
  /** Set when the list comes from this device because the API could not be asked. */
  offline: string | null;
}

/** Teammates who may receive a handoff of this kind (users(role) from the API, cached). */
export function useRecipients(kind: HandoffKind): Recipients {
  const bridge = useBridge();
  const { settings } = useSidebarEnv();
  const roles = recipientRoles[kind];
  const query = useQuery({
    queryKey: ['recipients', kind, settings.apiUrl, settings.user?.orgId ?? null],
    staleTime: FIVE_MINUTES,
    queryFn: async (): Promise<{ users: UserSummary[]; offline: string | null }> => {
      try {
        const lists = await Promise.all(roles.map((role) => bridge.users({ role })));
        return { users: lists.flat(), offline: null };
      } catch (error) {
        const lists = await Promise.all(roles.map((role) => bridge.cachedUsers({ role })));
        if (lists.flat().length === 0) throw error;
        return { users: lists.flat(), offline: 'Teammates as this device last saw them' };
      }
    },
  });
  const me = settings.user?.id;
  return { users: query.data?.users.filter((user) => user.id !== me), offline: query.data?.offline ?? (query.error ? 'Teammates could not be loaded' : null) };
}

export const allKinds = handoffKinds;
