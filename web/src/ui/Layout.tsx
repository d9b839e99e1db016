import { Fragment, type ReactNode, type Ref } from 'react';
import { type FooterProps, getThemeChrome, type HeaderProps } from './chrome.ts';
import { NeutralFooter } from './Footer.tsx';
import { NeutralHeader } from './Header.tsx';
import { SkipLinks } from './navigation.tsx';
import { cls } from './theme.ts';

/** The page frame: skip links, header, the main content (`#contenu`, focusable), footer. */
export function Layout({
  header,
  footer,
  mainRef,
  children,
}: {
  header: HeaderProps;
  footer: FooterProps;
  mainRef?: Ref<HTMLElement>;
  children: ReactNode;
}) {
  const chrome = getThemeChrome();
  const Header = chrome?.Header ?? NeutralHeader;
  const Footer = chrome?.Footer ?? NeutralFooter;
  const Root = chrome?.Root ?? Fragment;
  return (
    <Root>
      <SkipLinks
        links={[
          { anchor: '#contenu', label: 'Contenu' },
          { anchor: '#en-tete-main-navigation', label: 'Menu' },
          { anchor: '#pied-de-page', label: 'Pied de page' },
        ]}
      />
      <Header {...header} />
      <main id="contenu" ref={mainRef} tabIndex={-1} className={`${cls('container')} u-pb-8 odts-main`}>
        {children}
      </main>
      <Footer {...footer} />
    </Root>
  );
}
