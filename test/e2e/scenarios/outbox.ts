import { expect } from 'vitest';
import { expectAccessible, expectWellFormedPage, openPage, signIn } from '../helpers/browser.ts';
import type { E2e } from './context.ts';

/** Without SMTP, an administrator reads in the interface the messages the platform wrote instead of sending. */
export async function outboxReadInTheInterface({ server, browser }: E2e) {
  const asked = await server.app.inject({
    method: 'POST',
    url: '/api/auth/mot-de-passe-oublie',
    payload: { email: server.admin.email },
  });
  expect(asked.statusCode, asked.body).toBeLessThan(300);
  await server.ctx.services.passwordResets.whenSent();

  const { page, errors } = await openPage(browser);
  await signIn(page, server.url, server.admin);
  await page.goto(`${server.url}/comptes`);
  await page.getByRole('link', { name: 'Boîte d’envoi' }).click();
  await expectWellFormedPage(page, /^Boîte d’envoi — /);
  const table = page.getByRole('table', { name: 'Messages, les plus récents d’abord' });
  const row = table.getByRole('row').filter({ hasText: server.admin.email }).first();
  await row.getByRole('button', { name: `Lire le message à ${server.admin.email}` }).click();
  await row.getByText(/connexion\/reinitialisation\?jeton=/).waitFor();
  await expectAccessible(page, 'boîte d’envoi');
  expect(errors).toEqual([]);
  await page.context().close();
}
