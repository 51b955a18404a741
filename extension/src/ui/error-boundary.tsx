import { Component, type ReactNode } from 'react';

/**
 * Last line of defence: a failure in a panel (e.g. the browser refusing this frame its local
 * database) is shown as a sentence, not a blank panel.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error) {
    console.error('[baton] panel failed', error);
  }

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    const storage = /denied permission to access the database|UnknownError|DatabaseClosed|MissingAPI/i.test(`${error.name} ${error.message}`);
    return (
      <div className="section stack" role="alert">
        <h1>Baton stopped</h1>
        <p>
          {storage
            ? 'The browser blocked Baton from its local storage in this frame (third-party storage is blocked). Allow cookies for mail.google.com in your browser settings, then reload.'
            : error.message}
        </p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
