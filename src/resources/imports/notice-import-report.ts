import type { ImportIssue } from '../../domain/kernel/import-issue.ts';
import type { DuplicateReason } from '../../domain/resources/dedup.ts';

/** Import report: the shape of the dynamics import (API.md), plus the duplicates found. */
export interface DuplicateReport {
  ligne: number;
  titre: string;
  motif: DuplicateReason;
  libelle: string;
  /** Stored notice it duplicates (null when it repeats an earlier record of the file). */
  notice: string | null;
  /** Line of the earlier record of the file it repeats, if so. */
  ligneDoublon: number | null;
  action: 'ignoree' | 'fusionnee';
}

export interface NoticeImportReport {
  valide: boolean;
  format: string;
  /** Records read (notices in the file). */
  lignes: number;
  /** Notices read without any problem, and notices with at least one. */
  valides: number;
  signalees: number;
  /** Valid notices imported, reported ones left out. */
  partiel: boolean;
  erreurs: ImportIssue[];
  crees: number;
  /** Stored notices completed by a merge. */
  modifies: number;
  /** Duplicates whose merge changed nothing. */
  inchanges: number;
  doublons: DuplicateReport[];
  dryRun: boolean;
  lot: string | null;
}
