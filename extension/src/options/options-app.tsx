import { useEffect, useState, type FormEvent } from 'react';
import { defaultNeverLogDomains, updateSettings, type Settings } from '../settings/index.ts';
import { useSettings } from '../ui/use-settings.ts';
import { hasApiPermission, requestApiPermission } from './api-permission.ts';
import { testConnection, type ConnectionResult } from './test-connection.ts';
import { parseDomains, validateConnection, type FieldErrors } from './validate.ts';

type Field = 'apiUrl' | 'token' | 'domains';
type Status = { tone: 'ok' | 'danger' | 'muted'; text: string; extra?: string } | null;

/** API address, token, never-log domains, auto-log — and "Test connection" that says who you are. */
export function OptionsApp() {
  const settings = useSettings();
  if (settings === undefined) return <p role="status">Loading…</p>;
  return <OptionsForm settings={settings} />;
}

export function OptionsForm({ settings }: { settings: Settings }) {
  const [apiUrl, setApiUrl] = useState(settings.apiUrl ?? '');
  const [token, setToken] = useState(settings.token ?? '');
  const [domains, setDomains] = useState(settings.neverLogDomains.join('\n'));
  const [autoLog, setAutoLog] = useState(settings.autoLog);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [status, setStatus] = useState<Status>(settings.user ? { tone: 'ok', text: `Signed in as ${settings.user.name}` } : null);
  const [busy, setBusy] = useState(false);

  // Another context (or the first test) may pre-fill the domains; follow it unless the user is editing.
  useEffect(() => setDomains((current) => (current === '' ? settings.neverLogDomains.join('\n') : current)), [settings.neverLogDomains]);

  function check() {
    const connection = validateConnection({ apiUrl, token });
    const parsed = parseDomains(domains);
    const next: FieldErrors<Field> = connection.ok ? {} : { ...connection.errors };
    if (!parsed.ok) next.domains = parsed.error;
    setErrors(next);
    return connection.ok && parsed.ok ? { apiUrl: connection.apiUrl, token: connection.token, domains: parsed.domains } : null;
  }

  async function runTest(values: { apiUrl: string; token: string; domains: string[] }) {
    setStatus({ tone: 'muted', text: 'Testing connection…' });
    const permission = await hasApiPermission(values.apiUrl);
    const result: ConnectionResult = await testConnection(values, permission);
    const note = permission ? undefined : 'Permission not granted for this address — press Save and allow access so Baton can sync in the background.';
    if (!result.ok) {
      setStatus({ tone: 'danger', text: result.message, ...(note ? { extra: note } : {}) });
      return;
    }
    const neverLogDomains = values.domains.length > 0 ? values.domains : defaultNeverLogDomains(result.me.user.email);
    await updateSettings({ apiUrl: values.apiUrl, token: values.token, user: result.me.user, neverLogDomains });
    setDomains(neverLogDomains.join('\n'));
    setStatus({ tone: 'ok', text: result.summary, ...(note ? { extra: note } : {}) });
  }

  function save(event: FormEvent) {
    event.preventDefault();
    const values = check();
    if (values === null) return;
    // Asked before any other await (the browser only prompts inside the click's gesture) and not
    // waited for: the API answers extension origins anyway, so saving never hangs on the prompt.
    requestApiPermission(values.apiUrl).then(
      (granted) => granted && setStatus((current) => (current?.extra ? { tone: current.tone, text: current.text } : current)),
      (error: unknown) => console.warn('[baton] permission request failed', error),
    );
    setBusy(true);
    void (async () => {
      try {
        const changed = values.apiUrl !== settings.apiUrl || values.token !== settings.token;
        await updateSettings({ apiUrl: values.apiUrl, token: values.token, neverLogDomains: values.domains, autoLog, ...(changed ? { user: null } : {}) });
        await runTest(values);
      } catch (error) {
        setStatus({ tone: 'danger', text: error instanceof Error ? error.message : String(error) });
      } finally {
        setBusy(false);
      }
    })();
  }

  function test() {
    const values = check();
    if (values === null) return;
    setBusy(true);
    runTest(values)
      .catch((error: unknown) => setStatus({ tone: 'danger', text: error instanceof Error ? error.message : String(error) }))
      .finally(() => setBusy(false));
  }

  return (
    <form className="options stack" onSubmit={save} noValidate>
      <h1>Baton options</h1>
      <section className="stack" aria-labelledby="connection-title">
        <h2 id="connection-title">Connection</h2>
        <label>
          <span>API URL</span>
          <input value={apiUrl} onChange={(e) => setApiUrl(e.target.value)} placeholder="https://baton.example.com" aria-invalid={Boolean(errors.apiUrl)} aria-describedby="api-url-error" />
        </label>
        {errors.apiUrl ? <p id="api-url-error" className="danger small">{errors.apiUrl}</p> : null}
        <label>
          <span>Personal token</span>
          <input type="password" value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" aria-invalid={Boolean(errors.token)} aria-describedby="token-error" />
        </label>
        {errors.token ? <p id="token-error" className="danger small">{errors.token}</p> : null}
      </section>
      <section className="stack" aria-labelledby="logging-title">
        <h2 id="logging-title">Logging</h2>
        <label>
          <span>Never log these domains (one per line)</span>
          <textarea value={domains} onChange={(e) => setDomains(e.target.value)} rows={3} aria-invalid={Boolean(errors.domains)} aria-describedby="domains-error" />
        </label>
        {errors.domains ? <p id="domains-error" className="danger small">{errors.domains}</p> : null}
        <label className="inline">
          <input type="checkbox" role="switch" checked={autoLog} onChange={(e) => setAutoLog(e.target.checked)} />
          Auto-log new messages in threads I already logged
        </label>
      </section>
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          Save
        </button>
        <button type="button" onClick={test} disabled={busy}>
          Test connection
        </button>
      </div>
      <div role="status" aria-live="polite">
        {status ? <p className={status.tone}>{status.text}</p> : null}
        {status?.extra ? <p className="danger small">{status.extra}</p> : null}
      </div>
    </form>
  );
}
