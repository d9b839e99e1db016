import type { GlossaryTermInput } from '../../domain/glossary/schemas.ts';
import type { LinkableTerm } from '../../domain/glossary/term-links.ts';
import type { GlossaryRow } from './glossary.repository.ts';

/** An entry as the API returns it: `{sigle, forme, definition, sources}` of API.md, plus its key and version. */
export function presentTerm(row: GlossaryRow) {
  const t = row.document as GlossaryTermInput;
  return {
    cle: row.cle,
    sigle: t.sigle,
    forme: t.forme,
    definition: t.definition,
    variantes: t.variantes,
    termesLies: t.termesLies,
    sources: t.sources,
    version: row.version,
    creeLe: row.cree_le.toISOString(),
    modifieLe: row.modifie_le.toISOString(),
  };
}
export type PresentedTerm = ReturnType<typeof presentTerm>;

/** The stored form used in the change history. */
export function termSnapshot(cle: string, version: number, term: GlossaryTermInput) {
  return { cle, version, ...term };
}

export function linkableTerm(row: GlossaryRow): LinkableTerm {
  const t = row.document as GlossaryTermInput;
  return { cle: row.cle, sigle: t.sigle, formes: [t.forme, ...t.variantes] };
}
