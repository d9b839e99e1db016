import { startReactDsfr } from '@codegouvfr/react-dsfr/spa';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@codegouvfr/react-dsfr/dsfr/dsfr.min.css';
import 'virtual:dsfr-icons.css';
import './styles.css';
import { App } from './App.tsx';
import { Link } from './router/Link.tsx';

startReactDsfr({ defaultColorScheme: 'system', Link });

declare module '@codegouvfr/react-dsfr/spa' {
  interface RegisterLink {
    Link: typeof Link;
  }
}

const root = document.getElementById('racine');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
