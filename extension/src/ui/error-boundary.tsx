import { Component, type ReactNode } from 'react';

/** Last line of defence: a failure in a panel is shown as a sentence, not a blank panel. */
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
    return (
      <div className="section stack" role="alert">
        <h1>Baton stopped</h1>
        <p>{error.message || 'Something went wrong in this panel.'} Your saved work is safe on this device.</p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
