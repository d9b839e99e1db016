import type { Browser } from 'playwright-core';
import type { Seeded } from '../helpers/seed.ts';
import type { WebApp } from '../helpers/server.ts';

export interface E2e {
  server: WebApp;
  browser: Browser;
  seeded: Seeded;
}
