import { describe, expect, it } from 'vitest';
import {
  changedParts,
  creationBody,
  draftOf,
  fieldError,
  reapply,
  updateBody,
} from '../../web/src/pages/accounts/accountDraft.ts';
import { readProvider } from '../../web/src/pages/accounts/providers.ts';
import { restoreTarget } from '../../web/src/pages/audit/restore.ts';
import { diffSnapshots, readable } from '../../web/src/pages/audit/snapshotDiff.ts';

const account = {
  id: 'u1',
  email: 'a@example.org',
  nom: 'Anne',
  role: 'coordinateur',
  regions: ['84'],
  dynamiques: ['d1', 'd2'],
  actif: true,
  creeLe: '2025-01-01T00:00:00Z',
  version: 3,
};

describe('the journal writes changes for people', () => {
  it('lists only the fields that changed, values in words', () => {
    const before = { id: 'x', version: 1, nom: 'CLS', etp: 0.5, financeurs: ['ARS'], note: '' };
    const after = { id: 'x', version: 2, nom: 'CLS', etp: 0.8, financeurs: ['ARS', 'Ville'] };
    expect(diffSnapshots(before, after)).toEqual([
      { field: 'etp', before: '0,5', after: '0,8' },
      { field: 'financeurs', before: 'ARS', after: 'ARS, Ville' },
    ]);
  });

  it('shows a creation and a deletion against no record, key order ignored', () => {
    expect(diffSnapshots(null, { id: 'x', nom: 'A' })).toEqual([{ field: 'nom', before: '—', after: 'A' }]);
    expect(diffSnapshots({ nom: 'A', actif: true }, null)).toEqual([
      { field: 'nom', before: 'A', after: '—' },
      { field: 'actif', before: 'oui', after: '—' },
    ]);
    expect(diffSnapshots({ p: { a: 1, b: 2 } }, { p: { b: 2, a: 1 } })).toEqual([]);
  });

  it('writes records of a list one per line', () => {
    expect(readable([{ date: '2012-01-15', type: 'creation', note: null }, { date: '2013' }])).toBe(
      'date : 2012-01-15 ; type : creation\ndate : 2013',
    );
    expect(readable({ communes: ['42218'], epci: [], qpv: null })).toBe('communes : 42218');
  });
});

describe('restoring a version from the journal', () => {
  const entry = {
    entite: 'dynamique',
    entiteId: 'dyn 1',
    version: 2,
    apres: { id: 'dyn 1', version: 2, nom: 'B', type: 'CLS' },
  };

  it('writes the stored version back through the record’s own address', () => {
    expect(restoreTarget(entry, ['registre'])).toEqual({
      url: '/api/dynamiques/dyn%201',
      undeleteUrl: '/api/historique/dynamique/dyn%201/restaurer',
      latestUrl: '/api/audit?entite=dynamique&entiteId=dyn%201&limit=1',
      body: { nom: 'B', type: 'CLS' },
      version: 2,
    });
  });

  it('is not offered for a deletion, an unknown kind, or a role that may not write the record', () => {
    expect(restoreTarget({ ...entry, apres: null }, ['registre'])).toBeNull();
    expect(restoreTarget({ ...entry, entite: 'glossaire' }, ['ressources', 'registre'])).toBeNull();
    expect(restoreTarget(entry, ['audit'])).toBeNull();
    expect(restoreTarget({ ...entry, entite: 'notice' }, ['registre'])).toBeNull();
  });

  it('brings back deleted dynamics and notices through the journal, not sélections', () => {
    expect(restoreTarget({ ...entry, entite: 'notice' }, ['ressources'])?.undeleteUrl).toBe(
      '/api/historique/notice/dyn%201/restaurer',
    );
    expect(restoreTarget({ ...entry, entite: 'selection' }, ['ressources'])?.undeleteUrl).toBeNull();
  });
});

describe('the account form', () => {
  it('sends dynamics for coordinators only, and no empty password', () => {
    const d = { ...draftOf(account), email: ' b@example.org ', dynamiques: 'd1\n d3, d4' };
    expect(creationBody(d)).toEqual({
      email: 'b@example.org',
      nom: 'Anne',
      role: 'coordinateur',
      regions: ['84'],
      dynamiques: ['d1', 'd3', 'd4'],
    });
    expect(updateBody({ ...d, role: 'equipe_regionale', actif: false })).toMatchObject({
      dynamiques: [],
      actif: false,
    });
  });

  it('carries my changes onto the version saved meanwhile, the others kept as saved', () => {
    const original = draftOf(account);
    const mine = { ...original, role: 'equipe_regionale' };
    const theirs = { ...original, nom: 'Anne B.', actif: false };
    expect(changedParts(original, mine)).toEqual(new Set(['role']));
    expect(reapply(mine, original, theirs)).toMatchObject({
      role: 'equipe_regionale',
      nom: 'Anne B.',
      actif: false,
    });
  });

  it('names the field the server refused, lists by their first item', () => {
    expect(fieldError({ 'regions.1': 'code de région INSEE attendu (ex. 84)' }, 'regions')).toBe(
      'code de région INSEE attendu (ex. 84)',
    );
    expect(fieldError({ email: 'adresse électronique invalide' }, 'email')).toBe(
      'adresse électronique invalide',
    );
    expect(fieldError({}, 'nom')).toBeUndefined();
  });
});

describe('signing in with an identity provider', () => {
  it('shows the button with its label when the server says it is on', () => {
    expect(readProvider({ oidc: true, libelle: 'ProConnect' }, '/')).toEqual({
      label: 'ProConnect',
      href: '/api/auth/oidc',
    });
    expect(readProvider({ oidc: { actif: true, libelle: 'Agent connect' } }, '/registre')).toEqual({
      label: 'Agent connect',
      href: '/api/auth/oidc?retour=%2Fregistre',
    });
  });

  it('shows nothing when it is off or the answer says nothing usable', () => {
    expect(readProvider({ oidc: false, libelle: 'ProConnect' }, '/')).toBeNull();
    expect(readProvider({ oidc: { actif: false } }, '/')).toBeNull();
    expect(readProvider({}, '/')).toBeNull();
    expect(readProvider(null, '/')).toBeNull();
  });
});
