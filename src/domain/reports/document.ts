/**
 * A generated report as a renderer-neutral tree: the HTML, PDF and DOCX renderers only lay it out.
 * Every text is final French text; numbers in tables are already formatted.
 */

export interface ReportColumn {
  libelle: string;
  /** Numbers are right-aligned so that digits line up. */
  align?: 'left' | 'right';
  /** Short values that read badly when wrapped (dates). */
  nowrap?: boolean;
}

export interface ReportTable {
  legende: string;
  colonnes: ReportColumn[];
  lignes: string[][];
  /** Totals row, shown in bold after the body. */
  pied?: string[];
  note?: string;
}

export interface ReportBar {
  libelle: string;
  valeur: number;
  /** Share of the chart total, 0..1. */
  part: number;
}

export interface ReportBarChart {
  titre: string;
  description: string;
  total: number;
  barres: ReportBar[];
}

export interface KeyFigure {
  valeur: string;
  libelle: string;
  detail?: string;
}

export type ReportBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'figures'; figures: KeyFigure[] }
  | { kind: 'table'; table: ReportTable }
  | { kind: 'chart'; chart: ReportBarChart }
  /** A map drawn beforehand as a self-contained SVG (names already escaped), with its caption. */
  | { kind: 'map'; svg: string; legende: string }
  | { kind: 'subsection'; id: string; titre: string; blocks: ReportBlock[] };

export interface ReportSection {
  id: string;
  titre: string;
  blocks: ReportBlock[];
}

export interface ReportDocument {
  titre: string;
  /** "Région Auvergne-Rhône-Alpes", "Département Loire (42) — région Auvergne-Rhône-Alpes". */
  territoire: string;
  /** Date of the state described (YYYY-MM-DD). */
  dateEtat: string;
  /** When the document was produced (ISO timestamp). */
  genereLe: string;
  source: string;
  /** Base name for downloads, without extension. */
  fichier: string;
  sections: ReportSection[];
}
