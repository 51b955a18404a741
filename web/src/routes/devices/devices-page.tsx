import { listDevices, listTokens, revokeDevice, revokeToken, type Credential } from '@baton/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client.ts';
import { formatDateTime } from '../../format.ts';
import { Page } from '../../ui/page.tsx';
import { Empty, Failed, Loading } from '../../ui/states.tsx';
import { NewTokenForm } from './new-token-form.tsx';

const tokensKey = ['tokens'] as const;
const devicesKey = ['devices'] as const;

/** Your extension devices and named API tokens, each revocable. */
export function DevicesPage() {
  const queryClient = useQueryClient();
  const devices = useQuery({ queryKey: devicesKey, queryFn: () => call(listDevices) });
  const tokens = useQuery({ queryKey: tokensKey, queryFn: () => call(listTokens) });
  const dropDevice = useMutation({ mutationFn: (id: string) => call(revokeDevice, { params: { id } }), onSuccess: () => queryClient.invalidateQueries({ queryKey: devicesKey }) });
  const dropToken = useMutation({ mutationFn: (id: string) => call(revokeToken, { params: { id } }), onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }) });
  return (
    <Page title="Your devices and tokens">
      <section aria-labelledby="devices-title">
        <h2 id="devices-title">Extension devices</h2>
        {dropDevice.isError && <Failed error={dropDevice.error} />}
        {devices.isPending ? (
          <Loading what="devices" />
        ) : devices.isError ? (
          <Failed error={devices.error} retry={() => void devices.refetch()} />
        ) : devices.data.devices.length === 0 ? (
          <Empty>No browser is signed in to the extension as you.</Empty>
        ) : (
          <CredentialTable caption="Extension devices" rows={devices.data.devices} what="device" onRevoke={(id) => dropDevice.mutate(id)} busy={dropDevice.isPending} />
        )}
      </section>
      <section aria-labelledby="tokens-title">
        <h2 id="tokens-title">API tokens</h2>
        <p className="small muted">For integrations and scripts: a token acts as you, with your role.</p>
        <NewTokenForm />
        {dropToken.isError && <Failed error={dropToken.error} />}
        {tokens.isPending ? (
          <Loading what="tokens" />
        ) : tokens.isError ? (
          <Failed error={tokens.error} retry={() => void tokens.refetch()} />
        ) : tokens.data.tokens.length === 0 ? (
          <Empty>No API tokens.</Empty>
        ) : (
          <CredentialTable caption="API tokens" rows={tokens.data.tokens} what="token" onRevoke={(id) => dropToken.mutate(id)} busy={dropToken.isPending} />
        )}
      </section>
    </Page>
  );
}

function CredentialTable({ caption, rows, what, onRevoke, busy }: { caption: string; rows: Credential[]; what: string; onRevoke: (id: string) => void; busy: boolean }) {
  const showBrowser = rows.some((row) => row.browser !== null);
  return (
    <table className="table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          {showBrowser && <th scope="col">Browser</th>}
          <th scope="col">Created</th>
          <th scope="col">Last used</th>
          <th scope="col"><span className="visually-hidden">Actions</span></th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const name = row.name ?? `Unnamed ${what}`;
          return (
            <tr key={row.id}>
              <th scope="row">{name}</th>
              {showBrowser && <td>{row.browser ?? '—'}</td>}
              <td>{formatDateTime(row.createdAt)}</td>
              <td>{row.lastUsedAt ? formatDateTime(row.lastUsedAt) : 'Never'}</td>
              <td>
                <button type="button" aria-label={`Revoke ${what} ${name}`} disabled={busy} onClick={() => onRevoke(row.id)}>
                  Revoke
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
