// Only the address of MapLibre's worker (a string): fetching it early puts it in the HTTP cache.
import mapWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { type ComponentType, lazy } from 'react';
import { prefetch } from './api/useApi.ts';
import { mapDataUrls, readMapParams } from './pages/map/urls.ts';

export interface PageProps {
  params: string[];
}

interface Route {
  pattern: RegExp;
  page: ComponentType<PageProps>;
}

/** Stable, shareable addresses (the map and the charts load their libraries only on their pages). */
export const ROUTES: Route[] = [
  { pattern: /^\/$/, page: lazy(() => import('./pages/HomePage.tsx')) },
  {
    pattern: /^\/territoires\/(region|departement|epci|commune|qpv)\/([0-9A-Za-z]{2,12})\/?$/,
    page: lazy(() => import('./pages/TerritoryPage.tsx')),
  },
  { pattern: /^\/registre\/?$/, page: lazy(() => import('./pages/registry/RegistryPage.tsx')) },
  { pattern: /^\/dynamiques\/nouvelle\/?$/, page: lazy(() => import('./pages/edit/EditPage.tsx')) },
  {
    pattern: /^\/dynamiques\/([^/]{1,64})\/modifier\/?$/,
    page: lazy(() => import('./pages/edit/EditPage.tsx')),
  },
  { pattern: /^\/dynamiques\/([^/]{1,64})\/?$/, page: lazy(() => import('./pages/dynamic/DynamicPage.tsx')) },
  { pattern: /^\/analyses\/?$/, page: lazy(() => import('./pages/analyses/AnalysesPage.tsx')) },
  {
    pattern: /^\/carte\/?$/,
    // The map library is fetched alongside the page, not after it.
    page: lazy(() => {
      for (const url of Object.values(mapDataUrls(readMapParams(window.location.search))))
        if (url) prefetch(url);
      void import('./pages/map/MapView.tsx');
      void fetch(mapWorkerUrl).catch(() => {}); // started before MapLibre itself asks for it

      return import('./pages/map/MapPage.tsx');
    }),
  },
  { pattern: /^\/import\/?$/, page: lazy(() => import('./pages/ImportPage.tsx')) },
  { pattern: /^\/glossaire\/?$/, page: lazy(() => import('./pages/GlossaryPage.tsx')) },
  { pattern: /^\/journal\/?$/, page: lazy(() => import('./pages/AuditPage.tsx')) },
  { pattern: /^\/ressources\/?$/, page: lazy(() => import('./pages/resources/ResourcesPage.tsx')) },
  {
    pattern: /^\/ressources\/import\/?$/,
    page: lazy(() => import('./pages/resources/NoticeImportPage.tsx')),
  },
  {
    pattern: /^\/ressources\/doublons\/?$/,
    page: lazy(() => import('./pages/resources/duplicates/DuplicatesPage.tsx')),
  },
  {
    pattern: /^\/ressources\/nouvelle\/?$/,
    page: lazy(() => import('./pages/resources/edit/NoticeEditPage.tsx')),
  },
  {
    pattern: /^\/ressources\/([^/]{1,64})\/modifier\/?$/,
    page: lazy(() => import('./pages/resources/edit/NoticeEditPage.tsx')),
  },
  {
    pattern: /^\/ressources\/([^/]{1,64})\/?$/,
    page: lazy(() => import('./pages/resources/NoticePage.tsx')),
  },
  { pattern: /^\/selections\/nouvelle\/?$/, page: lazy(() => import('./pages/compose/ComposePage.tsx')) },
  {
    pattern: /^\/selections\/([^/]{1,64})\/modifier\/?$/,
    page: lazy(() => import('./pages/compose/ComposePage.tsx')),
  },
  {
    pattern: /^\/selections\/([^/]{1,64})\/?$/,
    page: lazy(() => import('./pages/resources/SelectionPage.tsx')),
  },
  { pattern: /^\/actions\/?$/, page: lazy(() => import('./pages/actions/ActionsPage.tsx')) },
  { pattern: /^\/actions\/nouvelle\/?$/, page: lazy(() => import('./pages/actions/ActionEditPage.tsx')) },
  {
    pattern: /^\/actions\/([^/]{1,64})\/modifier\/?$/,
    page: lazy(() => import('./pages/actions/ActionEditPage.tsx')),
  },
  { pattern: /^\/actions\/([^/]{1,64})\/?$/, page: lazy(() => import('./pages/actions/ActionPage.tsx')) },
  { pattern: /^\/campagnes\/?$/, page: lazy(() => import('./pages/campaigns/CampaignsPage.tsx')) },
  {
    pattern: /^\/campagnes\/nouvelle\/?$/,
    page: lazy(() => import('./pages/campaigns/NewCampaignPage.tsx')),
  },
  {
    pattern: /^\/campagnes\/([^/]{1,64})\/reponses\/([^/]{1,64})\/?$/,
    page: lazy(() => import('./pages/campaigns/ProposalPage.tsx')),
  },
  {
    pattern: /^\/campagnes\/([^/]{1,64})\/reponses\/?$/,
    page: lazy(() => import('./pages/campaigns/ReviewListPage.tsx')),
  },
  {
    pattern: /^\/campagnes\/([^/]{1,64})\/?$/,
    page: lazy(() => import('./pages/campaigns/CampaignPage.tsx')),
  },
  { pattern: /^\/connexion\/?$/, page: lazy(() => import('./pages/ConnexionPage.tsx')) },
  {
    pattern: /^\/connexion\/mot-de-passe-oublie\/?$/,
    page: lazy(() => import('./pages/accounts/ForgotPasswordPage.tsx')),
  },
  {
    pattern: /^\/connexion\/reinitialisation\/?$/,
    page: lazy(() => import('./pages/accounts/ResetPasswordPage.tsx')),
  },
  { pattern: /^\/comptes\/?$/, page: lazy(() => import('./pages/accounts/AccountsPage.tsx')) },
  { pattern: /^\/boite-envoi\/?$/, page: lazy(() => import('./pages/OutboxPage.tsx')) },
  {
    pattern: /^\/reponses\/([A-Za-z0-9_-]{20,100})\/?$/,
    page: lazy(() => import('./pages/answer/AnswerPage.tsx')),
  },
  { pattern: /^\/comptes\/nouveau\/?$/, page: lazy(() => import('./pages/accounts/AccountNewPage.tsx')) },
  {
    pattern: /^\/comptes\/([^/]{1,100})\/?$/,
    page: lazy(() => import('./pages/accounts/AccountEditPage.tsx')),
  },
  { pattern: /^\/a-propos\/?$/, page: lazy(() => import('./pages/AboutPage.tsx')) },
];

export const NotFoundPage = lazy(() => import('./pages/NotFoundPage.tsx'));

export function match(pathname: string): { page: ComponentType<PageProps>; params: string[] } | null {
  for (const r of ROUTES) {
    const m = r.pattern.exec(pathname);
    if (m) return { page: r.page, params: m.slice(1).map((p) => decodeURIComponent(p)) };
  }
  return null;
}
