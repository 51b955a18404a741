/** Shown until Options holds an API URL, a token and a successful "Test connection". */
export function SignInPrompt({ onOpenOptions }: { onOpenOptions: () => void }) {
  return (
    <section className="section stack" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Connect Baton</h1>
      <p className="muted">
        Baton shows who you are emailing and where the deal stands. Add your team's Baton address and your personal token to
        start.
      </p>
      <button type="button" className="primary" onClick={onOpenOptions}>
        Open Baton options
      </button>
    </section>
  );
}
