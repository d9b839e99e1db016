import { Suspense, useEffect, useRef } from 'react';
import { PageErrorBoundary } from './components/PageErrorBoundary.tsx';
import { Loading } from './components/StateViews.tsx';
import { useLocation } from './router/history.ts';
import { match, NotFoundPage } from './routes.ts';
import { Layout } from './ui/index.ts';

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

const QUICK_ACCESS = [
  { iconId: 'account-circle-line' as const, text: 'Connexion', href: '/connexion' },
  { iconId: 'code-s-slash-line' as const, text: 'API', href: '/api/openapi.json' },
];

const FOOTER_LINKS = [
  { text: 'Documentation de l’API', href: '/api/openapi.json' },
  { text: 'Glossaire', href: '/glossaire' },
];

function isActive(href: string, pathname: string): boolean {
  if (href === '/') return pathname === '/';
  if (href === '/registre') return pathname.startsWith('/registre') || pathname.startsWith('/dynamiques');
  if (href === '/ressources') {
    return ['/ressources', '/selections', '/glossaire'].some((prefix) => pathname.startsWith(prefix));
  }
  return pathname.startsWith(href);
}

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
    <Layout
      mainRef={main}
      header={{
        navigation: NAVIGATION.map((item) => ({ ...item, isActive: isActive(item.href, pathname) })),
        quickAccess: QUICK_ACCESS,
      }}
      footer={{ links: FOOTER_LINKS }}
    >
      <PageErrorBoundary key={pathname}>
        <Suspense fallback={<Loading label="Chargement de la page…" />}>
          <Page params={route?.params ?? []} />
        </Suspense>
      </PageErrorBoundary>
    </Layout>
  );
}
