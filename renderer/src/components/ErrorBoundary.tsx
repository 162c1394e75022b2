import { Component, type ErrorInfo, type ReactNode } from 'react';

interface ErrorBoundaryProps {
  /** What the user calls this part of the window ("step list", "terminal"); it names what failed. */
  view: string;
  /** When this changes (another step or view is shown), a failed view starts again by itself. */
  resetKey?: string;
  children: ReactNode;
}

interface ErrorBoundaryState {
  error?: Error;
  componentStack?: string;
}

function asError(thrown: unknown): Error {
  return thrown instanceof Error ? thrown : new Error(typeof thrown === 'string' ? thrown : `A non-error value was thrown: ${String(thrown)}`);
}

/**
 * Keeps an exception thrown while rendering one view inside that view: the view is replaced by a
 * message that says what failed, a button that starts the view again, and the error text (folded),
 * while the rest of the window keeps working. React logs the error to the console as well.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = {};

  static getDerivedStateFromError(thrown: unknown): Partial<ErrorBoundaryState> {
    return { error: asError(thrown), componentStack: undefined };
  }

  override componentDidCatch(_thrown: unknown, info: ErrorInfo): void {
    this.setState({ componentStack: info.componentStack ?? undefined });
  }

  override componentDidUpdate(previous: ErrorBoundaryProps): void {
    if (this.state.error && previous.resetKey !== this.props.resetKey) this.reload();
  }

  /** The view's components were unmounted when it failed; rendering them again starts them from scratch. */
  private readonly reload = (): void => {
    this.setState({ error: undefined, componentStack: undefined });
  };

  override render(): ReactNode {
    const { error, componentStack } = this.state;
    const { view, children } = this.props;
    if (!error) return children;
    const details = [error.stack ?? `${error.name}: ${error.message}`, componentStack ? `\nIn the components:${componentStack}` : ''].join('');
    return (
      <section className="view-error" role="alert" aria-label={`The ${view} failed`}>
        <p className="view-error-title">
          <strong>The {view} stopped working</strong> because of an error in the app: {error.message || error.name}
        </p>
        <p className="muted small">The rest of the window still works. Reloading starts this part again; what the engine is doing is not affected.</p>
        <button type="button" onClick={this.reload}>
          Reload this view
        </button>
        <details>
          <summary>Error details</summary>
          <pre>{details}</pre>
        </details>
      </section>
    );
  }
}
