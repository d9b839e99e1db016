import { startReactDsfr } from '@codegouvfr/react-dsfr/spa';
import '@codegouvfr/react-dsfr/dsfr/dsfr.min.css';
import 'virtual:dsfr-icons.css';
import './tokens.css';
import { Link } from '../../../router/Link.tsx';
import { setThemeChrome } from '../../chrome.ts';
import { DsfrFooter, DsfrHeader } from './DsfrChrome.tsx';

declare module '@codegouvfr/react-dsfr/spa' {
  interface RegisterLink {
    Link: typeof Link;
  }
}

/**
 * The State look (ODTS_THEME=dsfr), loaded only then: the DSFR stylesheet, its Marianne font and icons
 * never reach a site in the neutral theme.
 */
export function startDsfrTheme(): void {
  startReactDsfr({ defaultColorScheme: 'system', Link });
  setThemeChrome({ Header: DsfrHeader, Footer: DsfrFooter });
}
