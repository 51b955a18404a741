import { browser } from 'wxt/browser';
import { isSignedIn, useSettings } from '../ui/use-settings.ts';

const openOptions = () => void browser.runtime.openOptionsPage().catch((error: unknown) => console.error('[baton] opening options failed', error));

/** The first page a rep sees after installing: what Baton does, and the one next step. */
export function WelcomeApp() {
  const settings = useSettings();
  const signedIn = settings !== undefined && isSignedIn(settings);
  return (
    <main className="welcome">
      <img src="/icon/128.png" alt="" width={64} height={64} />
      <h1>Welcome to Baton</h1>
      <p>
        Baton keeps a prospect's story with the deal when a rep hands it on. Beside every Gmail thread and LinkedIn profile it
        shows who the prospect is, the deal, the handoff brief and the whole timeline; it logs a thread in one click, keeps your
        work on this device when the API cannot be reached, and will not let a deal change owner until the handoff is complete.
      </p>
      {signedIn ? (
        <section className="section stack" aria-label="Next step">
          <p className="ok">Signed in as {settings.user?.name ?? 'you'}.</p>
          <p>Next: open a Gmail thread with a prospect — the Baton panel is on the right. Gmail and LinkedIn tabs that were already open have it too.</p>
        </section>
      ) : (
        <section className="section stack" aria-label="Next step">
          <p>
            <strong>Next: connect Baton to your team's server.</strong> Ask your admin for the API URL and a personal token (they make
            one with <code>pnpm baton token create --user you@company.com</code>), then enter both in the options.
          </p>
          <div className="row">
            <button type="button" className="primary" onClick={openOptions}>
              Open Baton options
            </button>
          </div>
        </section>
      )}
    </main>
  );
}
