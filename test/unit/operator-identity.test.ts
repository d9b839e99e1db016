import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { personalisePage } from '../../src/http/web.ts';
import { DEFAULT_LEGAL_NOTICE, resolveIdentity } from '../../src/operator-identity.ts';

describe('operator identity', () => {
  it('defaults to the neutral theme and the project name', () => {
    const { identity } = loadConfig({});
    expect(identity).toMatchObject({
      nom: 'Observatoire DTS',
      theme: 'neutre',
      logoPath: null,
      contact: null,
    });
    expect(identity.mentionsLegales).toBe(DEFAULT_LEGAL_NOTICE);
  });

  it('reads the variables, a settings file, and lets the variables win', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'odts-identite-'));
    const logo = path.join(dir, 'logo.png');
    fs.writeFileSync(logo, 'png');
    const notice = path.join(dir, 'mentions.txt');
    fs.writeFileSync(notice, 'Éditeur : CRES.\n');
    const settings = path.join(dir, 'reglages.json');
    fs.writeFileSync(settings, JSON.stringify({ nom: 'CRES', logo, mentionsLegales: notice, theme: 'dsfr' }));
    const { identity } = loadConfig({
      ODTS_SETTINGS: settings,
      ODTS_THEME: 'neutre',
      ODTS_CONTACT: 'a@b.fr',
    });
    expect(identity).toMatchObject({ nom: 'CRES', theme: 'neutre', contact: 'a@b.fr', logoPath: logo });
    expect(identity.mentionsLegales).toBe('Éditeur : CRES.');
  });

  it('refuses a bad theme, contact, status, missing logo or unknown key, in French', () => {
    expect(() => loadConfig({ ODTS_THEME: 'bleu' })).toThrow(ConfigError);
    expect(() => loadConfig({ ODTS_CONTACT: 'personne' })).toThrow(/adresse électronique/);
    expect(() => loadConfig({ ODTS_ACCESSIBILITE: 'conforme' })).toThrow(ConfigError);
    expect(() => loadConfig({ ODTS_LOGO: '/nulle/part/logo.png' })).toThrow(/introuvable/);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'odts-identite-')), 'r.json');
    fs.writeFileSync(file, JSON.stringify({ couleur: 'rouge' }));
    expect(() => loadConfig({ ODTS_SETTINGS: file })).toThrow(/ODTS_SETTINGS/);
  });

  it('writes the theme, title and escaped identity into the page', () => {
    const html =
      '<html lang="fr" data-theme="neutre"><head><title>Observatoire DTS</title></head><body></body></html>';
    const page = personalisePage(html, resolveIdentity({ nom: 'ARS <Nord>', theme: 'dsfr' }));
    expect(page).toContain('data-theme="dsfr"');
    expect(page).toContain('<title>ARS &lt;Nord&gt;</title>');
    const meta = /<meta name="odts-identite" content="([^"]*)"/.exec(page)?.[1] ?? '';
    expect(meta).not.toContain('<');
    const decoded = meta.replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>');
    expect(JSON.parse(decoded.replaceAll('&amp;', '&'))).toMatchObject({
      nom: 'ARS <Nord>',
      theme: 'dsfr',
      logo: null,
    });
  });
});

describe('documents carry the operator', () => {
  it('reads the size of a PNG logo and names the contact on title pages', async () => {
    const { documentIdentityOf, imageSize } = await import('../../src/operator-identity.ts');
    const { brandHtml } = await import('../../src/kernel/documents/house-css.ts');
    const png = Buffer.alloc(33);
    png.writeUInt32BE(0x89504e47, 0);
    png.writeUInt32BE(200, 16);
    png.writeUInt32BE(100, 20);
    expect(imageSize(png)).toEqual({ type: 'png', width: 200, height: 100 });
    expect(imageSize(Buffer.from('<svg/>'))).toBeNull();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'odts-logo-')), 'logo.png');
    fs.writeFileSync(file, png);
    const doc = documentIdentityOf(resolveIdentity({ nom: 'CRES', logo: file, contact: 'contact@cres.fr' }));
    expect(doc).toMatchObject({
      name: 'CRES',
      contact: 'contact@cres.fr',
      logo: { type: 'png', width: 80, height: 40 },
    });
    const html = brandHtml(doc, 'Sélection');
    expect(html).toContain('CRES');
    expect(html).toContain('contact@cres.fr');
    expect(html).toContain('data:image/png;base64,');
  });
});
