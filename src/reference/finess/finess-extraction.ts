import type { ImportIssue } from '../../domain/kernel/import-issue.ts';
import { FILE_FIELD } from '../../domain/kernel/import-issue.ts';

/**
 * The FINESS extraction published by the ministry (data.gouv.fr, Licence Ouverte): `;`-separated, no
 * header. Line 1 is `finess;etalab;<count>;<date>`; then one `structureet` line per establishment with
 * the 32 fields below; the geolocated file adds `geolocalisation` lines.
 */
export const STRUCTURE_FIELDS = [
  'section',
  'nofinesset',
  'nofinessej',
  'rs',
  'rslongue',
  'complrs',
  'compldistrib',
  'numvoie',
  'typvoie',
  'voie',
  'compvoie',
  'lieuditbp',
  'commune',
  'departement',
  'libdepartement',
  'ligneacheminement',
  'telephone',
  'telecopie',
  'categetab',
  'libcategetab',
  'categagretab',
  'libcategagretab',
  'siret',
  'codeape',
  'codemft',
  'libmft',
  'codesph',
  'libsph',
  'dateouv',
  'dateautor',
  'datemaj',
  'numuai',
] as const;
type StructureField = (typeof STRUCTURE_FIELDS)[number];

export type FinessEstablishment = Record<StructureField, string> & { line: number };

export interface FinessGeolocation {
  x: number;
  y: number;
  source: string;
}

export interface FinessExtraction {
  /** Date of the extraction (YYYY-MM-DD). */
  date: string | null;
  /** Establishments announced by line 1. */
  announced: number | null;
  /** Lines read, metadata excluded. */
  lignes: number;
  /** Only the establishments `keep` accepted (the others are counted, not kept). */
  establishments: FinessEstablishment[];
  geolocations: Map<string, FinessGeolocation>;
  /** `structureet` lines read, kept or not. */
  structures: number;
  issues: ImportIssue[];
}

const INDEX = Object.fromEntries(STRUCTURE_FIELDS.map((f, i) => [f, i])) as Record<StructureField, number>;

/** `2024-03-05`, `05/03/2024` or `20240305` → `2024-03-05`; anything else → null. */
export function finessDate(text: string): string | null {
  const t = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(t);
  if (m) return `${m[3]}-${m[2]}-${m[1]}`;
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  return null;
}

/**
 * Reads the text of an extraction. `keep` says which establishments matter (three categories out of
 * about a hundred thousand lines): only their fields are split into a record, the rest is counted.
 */
export function parseExtraction(text: string, keep: (categetab: string) => boolean): FinessExtraction {
  const out: FinessExtraction = {
    date: null,
    announced: null,
    lignes: 0,
    establishments: [],
    geolocations: new Map(),
    structures: 0,
    issues: [],
  };
  const lines = text.split(/\r?\n/);
  const first = (lines[0] ?? '').replace(/^\uFEFF/, '').split(';');
  if (first[0]?.toLowerCase() !== 'finess') {
    out.issues.push({
      ligne: 1,
      champ: FILE_FIELD,
      message:
        'ce fichier n’est pas une extraction FINESS : la ligne 1 doit être « finess;etalab;<nombre>;<date> »',
    });
    return out;
  }
  out.announced = Number.parseInt(first[2] ?? '', 10) || null;
  out.date = finessDate(first[3] ?? '');
  if (!out.date) {
    out.issues.push({
      ligne: 1,
      champ: 'date',
      message: `date d’extraction illisible : « ${first[3] ?? ''} »`,
    });
  }
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === '') continue;
    out.lignes += 1;
    const section = line.slice(0, line.indexOf(';'));
    if (section === 'structureet') {
      out.structures += 1;
      readStructure(line, i + 1, keep, out);
    } else if (section === 'geolocalisation') {
      const [, id, x, y, source] = line.split(';');
      const gx = Number.parseFloat(x ?? '');
      const gy = Number.parseFloat(y ?? '');
      if (id && Number.isFinite(gx) && Number.isFinite(gy)) {
        out.geolocations.set(id, { x: gx, y: gy, source: source ?? '' });
      }
    } else {
      out.issues.push({
        ligne: i + 1,
        champ: 'section',
        message: `section inconnue : « ${section || line} »`,
      });
    }
  }
  return out;
}

function readStructure(
  line: string,
  ligne: number,
  keep: (categetab: string) => boolean,
  out: FinessExtraction,
) {
  const cells = line.split(';');
  if (!keep((cells[INDEX.categetab] ?? '').trim())) return;
  if (cells.length !== STRUCTURE_FIELDS.length) {
    out.issues.push({
      ligne,
      champ: FILE_FIELD,
      message: `${cells.length} champs au lieu de ${STRUCTURE_FIELDS.length}`,
    });
    return;
  }
  const record = { line: ligne } as FinessEstablishment;
  STRUCTURE_FIELDS.forEach((f, i) => {
    record[f] = (cells[i] as string).trim();
  });
  out.establishments.push(record);
}
