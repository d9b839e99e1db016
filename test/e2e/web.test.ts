import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { clearOptionalLayers } from '../helpers/reference-layers.ts';
import { launchChromium } from './helpers/browser.ts';
import { type Seeded, seed } from './helpers/seed.ts';
import { startWebApp, type WebApp } from './helpers/server.ts';
import { administerAccountsAndTokens, coordinatorRefusedAndPasswordPages } from './scenarios/accounts.ts';
import { browseCreateAndEditActions } from './scenarios/actions.ts';
import { analysesRenderChart } from './scenarios/analyses.ts';
import { campaignAnswerOnAPhone } from './scenarios/campaign-answer.ts';
import { campaignTeamCreateSendReviewMerge } from './scenarios/campaign-team.ts';
import { composeSelectionThenConflict } from './scenarios/compose.ts';
import type { E2e } from './scenarios/context.ts';
import { projectCycleAndSelfAssessment } from './scenarios/cycle.ts';
import { openDynamicAndHistory } from './scenarios/dynamic.ts';
import { createThenEditWithConflict } from './scenarios/edit.ts';
import { finessImportThenCoordinatedCare } from './scenarios/finess.ts';
import { importWithErrorsThenFixed } from './scenarios/import.ts';
import { journalFilterAndRestore } from './scenarios/journal.ts';
import { editCoordinationContactsAndLinks } from './scenarios/links.ts';
import { mapWithAndWithoutContours } from './scenarios/map.ts';
import { createEditImportAndMergeNotices } from './scenarios/notices.ts';
import { outboxReadInTheInterface } from './scenarios/outbox.ts';
import { directLoadsAndNavigation } from './scenarios/pages.ts';
import { filterRegistryAndExport } from './scenarios/registry.ts';
import { searchResourcesThenCampaignsAskSignIn } from './scenarios/resources.ts';
import { searchTerritoryToProfile } from './scenarios/territory.ts';
import { dsfrThemeMainPages, neutralThemeAbout } from './scenarios/themes.ts';
import { xssPayloadsRenderInert } from './scenarios/xss.ts';

// The web interface in headless Chromium against the real application; screenshots in test-results/e2e.
let server: WebApp;
let browser: Browser;
let seeded: Seeded;
const env = (): E2e => ({ server, browser, seeded });

beforeAll(async () => {
  server = await startWebApp();
  await clearOptionalLayers(server.ctx.database.db);
  seeded = await seed(server.app);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (server) await clearOptionalLayers(server.ctx.database.db);
  await server?.close();
});

describe('web interface', { timeout: 90_000 }, () => {
  it('searches a territory and opens its profile', () => searchTerritoryToProfile(env()));
  it('filters the registry and exports it', () => filterRegistryAndExport(env()));
  it('opens a dynamic with its timeline and history', () => openDynamicAndHistory(env()));
  it('creates a dynamic, then edits it through a conflict', () => createThenEditWithConflict(env()));
  it('edits coordination, contacts and typed links; links show both ways', () =>
    editCoordinationContactsAndLinks(env()));
  it('reads the outbox in the interface', () => outboxReadInTheInterface(env()));
  it('follows a project cycle and records a self-assessment on a dynamic page', () =>
    projectCycleAndSelfAssessment(env()));
  it('campaigns: a recipient answers on a phone with a personal link', () => campaignAnswerOnAPhone(env()));
  it('searches resources; campaigns ask a visitor to sign in', () =>
    searchResourcesThenCampaignsAskSignIn(env()));
  it('notices: creates, edits through a conflict, imports with the partial choice, merges duplicates', () =>
    createEditImportAndMergeNotices(env()));
  it('composes a sélection, then edits it through a conflict', () => composeSelectionThenConflict(env()));
  it('imports a file with errors, then the fixed file', () => importWithErrorsThenFixed(env()));
  it('renders the analyses chart', () => analysesRenderChart(env()));
  it('imports a FINESS extraction; analyses count its MSP and CPTS', () =>
    finessImportThenCoordinatedCare(env()));
  it('browses, creates and edits actions through a conflict', () => browseCreateAndEditActions(env()));
  // Two maps are read pixel by pixel and the page is loaded again: more time than the other scenarios.
  it('shows the map, or how to load contours', () => mapWithAndWithoutContours(env()), 240_000);
  it('serves every route directly, by keyboard, in both themes', () => directLoadsAndNavigation(env()));
  it('shows markup typed in any text field as text, never running it', () => xssPayloadsRenderInert(env()));
  it('shows the operator and its legal notice in the neutral theme', () => neutralThemeAbout(env()));
  it('passes the main pages in the State theme (ODTS_THEME=dsfr)', () => dsfrThemeMainPages(env()));
  it('accounts: a coordinator is refused; password pages', () => coordinatorRefusedAndPasswordPages(env()));
  it('accounts: an administrator creates and edits an account, creates and revokes a token', () =>
    administerAccountsAndTokens(env()));
  it('accounts: the journal is filtered and a version restored through a conflict', () =>
    journalFilterAndRestore(env()));
  it('campaigns: a team creates, sends, reviews and merges an answer', () =>
    campaignTeamCreateSendReviewMerge(env()));
});
