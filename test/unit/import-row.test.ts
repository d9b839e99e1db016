import { describe, expect, it } from 'vitest';
import { matchColumn } from '../../src/domain/registry/import-columns.ts';
import {
  columnOfPath,
  mapImportRow,
  normalizeDate,
  validateImportRow,
} from '../../src/domain/registry/import-row.ts';
import type { DynamicInput } from '../../src/domain/registry/schemas.ts';
import { TerritoryLookup } from '../../src/domain/registry/territory-lookup.ts';

const lookup = new TerritoryLookup({
  communes: [
    { code: '42218', nom: 'Saint-Étienne', departement: '42', current: true, parent: null },
    { code: '93066', nom: 'Saint-Denis', departement: '93', current: true, parent: null },
    { code: '97411', nom: 'Saint-Denis', departement: '974', current: true, parent: null },
    { code: '01004', nom: 'Ambérieu-en-Bugey', departement: '01', current: true, parent: null },
    { code: '49092', nom: 'Chemillé', departement: '49', current: false, parent: '49092' },
    { code: '49093', nom: 'Chemillé-en-Anjou', departement: '49', current: true, parent: null },
  ],
  epci: [{ code: '244200770', nom: 'Saint-Étienne Métropole' }],
  departements: [
    { code: '42', nom: 'Loire' },
    { code: '93', nom: 'Seine-Saint-Denis' },
    { code: '974', nom: 'La Réunion' },
  ],
});
const ctx = { lookup, today: '2024-06-01' };

const base = {
  type: 'CLS',
  nom: 'Contrat local de santé',
  statut: 'actif',
  communes: '42218',
  epci: '',
  departements: '',
  qpv: '',
  porteur: '',
  dateDebut: '',
  dateFin: '',
};

describe('import row mapper', () => {
  it('maps a complete row onto the API input', () => {
    const { input, errors } = validateImportRow(
      {
        ...base,
        type: ' cls ',
        statut: 'Arrêtée',
        communes: 'saint etienne, 93066, 1004',
        epci: 'Saint-Etienne metropole',
        departements: 'Loire',
        porteur: 'Ville de Saint-Étienne',
        porteurType: 'commune',
        dateDebut: '01/05/2013',
        dateFin: '2018-12-31',
        source: 'Annuaire ARS',
        sourceUrl: 'https://www.ars.sante.fr/',
      },
      ctx,
    );
    expect(errors).toEqual([]);
    expect(input).toMatchObject({
      type: 'CLS',
      statut: 'arrete',
      perimetre: {
        communes: ['42218', '93066', '01004'],
        epci: ['244200770'],
        departements: ['42'],
        qpv: [],
      },
      porteur: { nom: 'Ville de Saint-Étienne', type: 'commune', code: null },
      dateDebut: '2013-05-01',
      dateFin: '2018-12-31',
      sources: [{ titre: 'Annuaire ARS', url: 'https://www.ars.sante.fr/' }],
    });
  });

  it('an ambiguous commune name lists the candidates with their codes and départements', () => {
    const { errors } = validateImportRow({ ...base, communes: 'Saint-Denis' }, ctx);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.champ).toBe('communes');
    expect(errors[0]?.message).toContain('ambigu');
    expect(errors[0]?.message).toContain('93066');
    expect(errors[0]?.message).toContain('Seine-Saint-Denis');
    expect(errors[0]?.message).toContain('97411');
    expect(errors[0]?.message).toContain('La Réunion');
  });

  it('"Nom (dep)" disambiguates by département code or name', () => {
    for (const cell of ['Saint-Denis (93)', 'saint denis (Seine-Saint-Denis)', 'St-Denis (974)']) {
      const { input, errors } = validateImportRow({ ...base, communes: cell }, ctx);
      expect(errors, cell).toEqual([]);
      expect(input?.perimetre.communes).toEqual([cell.includes('974') ? '97411' : '93066']);
    }
  });

  it('unknown and former communes are explained; the empty perimeter is not reported twice', () => {
    const unknown = validateImportRow({ ...base, communes: 'Atlantide' }, ctx);
    expect(unknown.errors).toEqual([{ champ: 'communes', message: 'commune inconnue : « Atlantide »' }]);
    const former = validateImportRow({ ...base, communes: 'Chemillé' }, ctx);
    expect(former.errors[0]?.message).toMatch(/n’est plus une commune/);
  });

  it('zod issues become errors on the file’s columns', () => {
    const { input, errors } = validateImportRow(
      {
        ...base,
        type: 'XYZ',
        nom: '',
        statut: '',
        communes: '',
        dateDebut: '2013-13-45',
        porteurType: 'club',
        porteur: 'X',
      },
      ctx,
    );
    expect(input).toBeNull();
    const champs = errors.map((e) => e.champ).sort();
    expect(champs).toEqual(['dateDebut', 'nom', 'perimetre', 'porteurType', 'statut', 'type']);
    expect(errors.find((e) => e.champ === 'type')?.message).toContain('« XYZ »');
    expect(errors.find((e) => e.champ === 'dateDebut')?.message).toContain('2013-13-45');
  });

  it('a modification keeps what the file does not say and records a status change as an event', () => {
    const existing = validateImportRow(base, ctx).input as DynamicInput;
    existing.evenements = [{ date: '2013-05-01', type: 'signature', statut: null, note: '' }];
    existing.porteur = { nom: 'Ville', type: 'commune', code: '42218' };
    const { candidate } = mapImportRow(
      { nom: '', statut: 'suspendu', porteur: 'Métropole' },
      { ...ctx, existing },
    );
    expect(candidate.nom).toBe(existing.nom);
    expect(candidate.porteur).toEqual({ nom: 'Métropole', type: 'commune', code: '42218' });
    expect(candidate.evenements).toEqual([
      ...existing.evenements,
      { date: '2024-06-01', type: 'autre', statut: 'suspendu', note: 'statut modifié par import' },
    ]);
    const same = mapImportRow({ statut: 'actif' }, { ...ctx, existing });
    expect(same.candidate.evenements).toEqual(existing.evenements);
  });
});

describe('import helpers', () => {
  it('matches header cells loosely', () => {
    expect(matchColumn('Date début')).toBe('dateDebut');
    expect(matchColumn('DATE_FIN')).toBe('dateFin');
    expect(matchColumn(' Départements ')).toBe('departements');
    expect(matchColumn('bidule')).toBeNull();
  });

  it('converts French dates and leaves the rest to validation', () => {
    expect(normalizeDate('1/5/2013')).toBe('2013-05-01');
    expect(normalizeDate('2013-05-01')).toBe('2013-05-01');
    expect(normalizeDate(' ')).toBeNull();
    expect(normalizeDate('demain')).toBe('demain');
  });

  it('maps field paths to columns', () => {
    expect(columnOfPath(['perimetre', 'communes', 2])).toBe('communes');
    expect(columnOfPath(['perimetre'])).toBe('perimetre');
    expect(columnOfPath(['porteur', 'type'])).toBe('porteurType');
    expect(columnOfPath(['sources', 0, 'url'])).toBe('sourceUrl');
    expect(columnOfPath(['dateFin'])).toBe('dateFin');
  });
});
