/// <reference types="vite/client" />

declare module 'virtual:dsfr-icons.css';

interface ImportMetaEnv {
  readonly ODTS_FOND_DE_CARTE?: string;
  readonly ODTS_FOND_DE_CARTE_ATTRIBUTION?: string;
}
