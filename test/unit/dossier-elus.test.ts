import { describe, expect, it } from 'vitest';
import {
  buildDossierElus,
  type DossierDynamic,
  type DossierInput,
} from '../../src/domain/reports/dossier-elus.ts';

const dyn = (over: Partial<DossierDynamic>): DossierDynamic => ({
  id: 'd',
  type: 'CLS',
  nom: 'CLS A',
  statut: 'actif',
  porteur: null,
  coordination: [],
  contacts: [],
  dateDebut: null,
  dateFin: null,
  echeance: null,
  ...over,
});

const base = (over: Partial<DossierInput> = {}): DossierInput => ({
  territoire: { type: 'commune', code: '42218', nom: 'Saint-Étienne', population: 170_000, communes: 1 },
  departement: 'Loire (42)',
  date: '2026-01-15',
  genereLe: '2026-01-15T10:00:00Z',
  qpv: { nombre: 3, population: 12_000 },
  dynamiques: [],
  typesSuivis: ['CLS', 'CLSM', 'ASV'],
  comparables: null,
  autoEvaluations: [],
  lectures: [],
  glossaire: [],
  ...over,
});

/** Every text of a section, flattened. */
function textOf(doc: ReturnType<typeof buildDossierElus>, id: string): string {
  return JSON.stringify(doc.sections.find((s) => s.id === id)?.blocks ?? []);
}

describe('dossier for elected teams', () => {
  it('states the QPV and their population, and that nothing exists when nothing does', () => {
    const doc = buildDossierElus(base());
    expect(textOf(doc, 'chiffres')).toContain(
      '3 quartiers prioritaires de la politique de la ville, où vivent 12',
    );
    expect(textOf(doc, 'dynamiques')).toContain(
      'Aucune dynamique territoriale de santé n’est enregistrée sur la commune',
    );
    expect(textOf(doc, 'recoupements')).toContain('Aucun des dispositifs suivis n’est présent.');
    expect(doc.sections.map((s) => s.id)).not.toContain('lectures');
  });

  it('names what overlaps, what is due and what is missing, with comparable territories', () => {
    const doc = buildDossierElus(
      base({
        dynamiques: [
          dyn({ id: '1', nom: 'CLS Nord', statut: 'echue', dateFin: '2025-06-30', echeance: 'echue' }),
          dyn({ id: '2', nom: 'CLS Sud', coordination: ['Chargée de mission (0,8 ETP)'] }),
        ],
        comparables: { libelle: 'communes comparables', total: 4, avec: { CLSM: 3 } },
      }),
    );
    const items = textOf(doc, 'dynamiques');
    expect(items).toContain('CLS — CLS Nord (échue), aucune coordination renseignée, échu le 30 juin 2025');
    expect(items).toContain('coordination : Chargée de mission (0,8 ETP)');
    const gaps = textOf(doc, 'recoupements');
    expect(gaps).toContain('Plusieurs dynamiques du même type se recoupent : 2 CLS');
    expect(gaps).toContain('Absents : conseil local de santé mentale et atelier santé ville.');
    expect(gaps).toContain('Échéances à traiter : CLS Nord.');
    expect(gaps).toContain(
      'parmi les 4 communes comparables, on trouve : conseil local de santé mentale dans 3 et atelier santé ville dans aucune.',
    );
  });

  it('shows the self-assessments when there are some, and the glossary of the acronyms used', () => {
    const doc = buildDossierElus(
      base({
        autoEvaluations: [{ dynamique: 'CLS Sud', date: '2025-02-01', niveaux: { politique: 3, projet: 1 } }],
        glossaire: [
          { sigle: 'CLS', forme: 'contrat local de santé' },
          { sigle: 'PTSM', forme: 'projet territorial de santé mentale' },
        ],
        lectures: ['Fabrique Territoires Santé, Argumentaire, 2020'],
      }),
    );
    const approach = textOf(doc, 'demarche');
    expect(approach).toContain('Politique : portée par les élus locaux');
    expect(approach).toContain('3 (consolidé)');
    expect(approach).toContain('1 (émergent)');
    expect(textOf(doc, 'sigles')).toContain('CLS : contrat local de santé');
    // Only the acronyms the dossier's own text uses.
    expect(textOf(doc, 'sigles')).not.toContain('PTSM');
    expect(textOf(doc, 'lectures')).toContain('Argumentaire');
    expect(doc.fichier).toBe('dossier-elus-commune-42218-saint-etienne-2026-01-15');
  });
});
