import { Component, type ReactNode } from 'react';
import { Alert } from '../ui/index.ts';

interface State {
  error: Error | null;
}

/** A page that fails to load or render shows a French message instead of a blank screen. */
export class PageErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    const chunk = /dynamically imported module|Importing a module script failed/i.test(
      this.state.error.message,
    );
    return (
      <div role="alert" className="u-my-6">
        <Alert
          severity="error"
          title="Cette page n’a pas pu s’afficher"
          description={
            chunk
              ? 'Une nouvelle version du site a peut-être été installée : rechargez la page.'
              : `Erreur : ${this.state.error.message}`
          }
        />
      </div>
    );
  }
}
