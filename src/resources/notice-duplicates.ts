import {
  DUPLICATE_REASON_LABELS,
  type DuplicateReason,
  duplicateKeys,
  duplicatesWithin,
} from '../domain/resources/dedup.ts';
import type { DuplicateCheckInput } from '../domain/resources/schemas.ts';
import type { NoticeRepository } from './notice.repository.ts';

export interface DuplicateCandidate {
  titre: string;
  date?: string | null | undefined;
  doi?: string | null | undefined;
  url?: string | null | undefined;
}

export interface DuplicateMatch {
  /** Stored notice it duplicates, with the reason. */
  existant: { id: string; titre: string; motif: DuplicateReason; libelle: string } | null;
  /** Earlier item of the same list it duplicates (0-based rank). */
  dansLaListe: { rang: number; motif: DuplicateReason; libelle: string } | null;
}

/** Duplicate detection against the stored notices (DOI, URL, folded title and year) and within a list. */
export class NoticeDuplicates {
  constructor(private readonly repo: NoticeRepository) {}

  /** For each candidate: the stored notice it duplicates, or the earlier candidate it repeats. */
  async find(candidates: DuplicateCandidate[]): Promise<DuplicateMatch[]> {
    const keys = candidates.map(duplicateKeys);
    // First stored notice (oldest) for each key: DOI, URL, folded title with year.
    const byKey = new Map<string, { id: string; titre: string }>();
    for (const r of await this.repo.duplicateCandidates(keys)) {
      for (const key of [
        r.doi ? `doi:${r.doi}` : null,
        r.url_cle ? `url:${r.url_cle}` : null,
        `titre_annee:${r.titre_cle}|${r.annee ?? ''}`,
      ]) {
        if (key && !byKey.has(key)) byKey.set(key, { id: r.id, titre: r.titre });
      }
    }
    const within = duplicatesWithin(keys);
    return keys.map((k, i) => {
      let existant: DuplicateMatch['existant'] = null;
      const lookups: [DuplicateReason, string | null][] = [
        ['doi', k.doi ? `doi:${k.doi}` : null],
        ['url', k.url ? `url:${k.url}` : null],
        ['titre_annee', k.title ? `titre_annee:${k.title}|${k.year ?? ''}` : null],
      ];
      for (const [motif, key] of lookups) {
        const found = key ? byKey.get(key) : undefined;
        if (found) {
          existant = { ...found, motif, libelle: DUPLICATE_REASON_LABELS[motif] };
          break;
        }
      }
      const w = within[i] as { of: number; reason: DuplicateReason };
      return {
        existant,
        dansLaListe:
          w.of >= 0 ? { rang: w.of, motif: w.reason, libelle: DUPLICATE_REASON_LABELS[w.reason] } : null,
      };
    });
  }

  /** Before entering a notice by hand: exact duplicates, and notices with a similar title. */
  async check(input: DuplicateCheckInput) {
    const [match] = await this.find([input]);
    const similar = await this.repo.similarTitles(input.titre, 0.6, 10);
    return {
      doublons: match?.existant ? [match.existant] : [],
      similaires: similar
        .filter((s) => s.id !== match?.existant?.id)
        .map((s) => ({
          id: s.id,
          titre: s.titre,
          annee: s.annee,
          similarite: Math.round(s.similarite * 100) / 100,
        })),
    };
  }
}
