import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startTheme } from './ui/index.ts';
import './styles.css';
import { App } from './App.tsx';

const root = document.getElementById('racine');
// The theme's styles are in before the first render, so no page is ever drawn unstyled.
void startTheme().then(() => {
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
