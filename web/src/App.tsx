import { headerFooterDisplayItem } from '@codegouvfr/react-dsfr/Display';
import { Footer } from '@codegouvfr/react-dsfr/Footer';
import { Header } from '@codegouvfr/react-dsfr/Header';
import { SkipLinks } from '@codegouvfr/react-dsfr/SkipLinks';
import { Suspense, useEffect, useRef } from 'react';
import { PageErrorBoundary } from './components/PageErrorBoundary.tsx';
import { Loading } from './components/StateViews.tsx';
import { useLocation } from './router/history.ts';
import { match, NotFoundPage } from './routes.ts';

const NAVIGATION = [
  { text: 'Accueil', href: '/' },
  { text: 'Registre', href: '/registre' },
  { text: 'Carte', href: '/carte' },
  { text: 'Analyses', href: '/analyses' },
  { text: 'Ressources', href: '/ressources' },
  { text: 'Actions', href: '/actions' },
  { text: 'Campagnes', href: '/campagnes' },
  { text: 'Import', href: '/import' },
];

function isActive(href: string, pathname: string): boolean {
  if (href === '/') return pathname === '/';
  if (href === '/registre') return pathname.startsWith('/registre') || pathname.startsWith('/dynamiques');
  if (href === '/ressources') {
    return ['/ressources', '/selections', '/glossaire'].some((prefix) => pathname.startsWith(prefix));
  }
  return pathname.startsWith(href);
}

const brandTop = (
  <>
    République
    <br />
    Française
  </>
);

export function App() {
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const shown = useRef(pathname);

  // After a change of page (not on first load), focus goes to the content so screen readers start there.
  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    main.current?.focus({ preventScroll: true });
  }, [pathname]);

  const route = match(pathname);
  const Page = route?.page ?? NotFoundPage;
  return (
    <>
      <SkipLinks
        links={[
          { anchor: '#contenu', label: 'Contenu' },
          { anchor: '#en-tete-main-navigation', label: 'Menu' },
          { anchor: '#pied-de-page', label: 'Pied de page' },
        ]}
      />
      <Header
        id="en-tete"
        brandTop={brandTop}
        serviceTitle="Observatoire DTS"
        serviceTagline="Dynamiques territoriales de santé : registre, territoires, analyses"
        homeLinkProps={{ href: '/', title: 'Accueil — Observatoire DTS' }}
        quickAccessItems={[
          headerFooterDisplayItem,
          { iconId: 'fr-icon-account-circle-line', text: 'Connexion', linkProps: { href: '/connexion' } },
          { iconId: 'fr-icon-code-s-slash-line', text: 'API', linkProps: { href: '/api/openapi.json' } },
        ]}
        navigation={NAVIGATION.map((item) => ({
          text: item.text,
          linkProps: { href: item.href },
          isActive: isActive(item.href, pathname),
        }))}
      />
      <main id="contenu" ref={main} tabIndex={-1} className="fr-container fr-pb-8w odts-main">
        <PageErrorBoundary key={pathname}>
          <Suspense fallback={<Loading label="Chargement de la page…" />}>
            <Page params={route?.params ?? []} />
          </Suspense>
        </PageErrorBoundary>
      </main>
      <Footer
        id="pied-de-page"
        accessibility="non compliant"
        contentDescription="L’Observatoire des dynamiques territoriales de santé recense les ateliers santé ville, contrats locaux de santé, conseils locaux de santé mentale, CPTS, maisons et centres de santé, et les analyse par territoire."
        bottomItems={[
          { text: 'Documentation de l’API', linkProps: { href: '/api/openapi.json' } },
          { text: 'Glossaire', linkProps: { href: '/glossaire' } },
          headerFooterDisplayItem,
        ]}
        license={
          <>
            Sauf mention contraire, les contenus de ce site sont disponibles sous{' '}
            <a
              href="https://www.etalab.gouv.fr/licence-ouverte-open-licence/"
              target="_blank"
              rel="noreferrer"
            >
              Licence Ouverte 2.0
            </a>
            .
          </>
        }
      />
    </>
  );
}
