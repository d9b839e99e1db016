import type { Actor } from '../../domain/actor.ts';
import { invalid } from '../../domain/errors.ts';
import { rewriteMarkers } from '../../domain/resources/selection-document.ts';
import { type SelectionInputRaw, selectionInput } from '../../domain/resources/selection-schemas.ts';
import type { SelectionService } from '../selections/selection.service.ts';

/** The `selection` part of a seed file of data-seed/ressources/ (see its README): notices named by `cle`. */
export interface SeedSelection {
  titre: string;
  date?: string | null;
  auteurs?: (string | { nom?: string; prenom?: string; organisation?: string })[];
  introduction?: string | null;
  sections: SeedSection[];
  glossaire?: { sigle: string; forme: string; definition?: string | null }[];
}

export interface SeedSection {
  titre: string;
  /** Text under the title (a section made of prose only, like the seven characteristics). */
  presentation?: string | null;
  notices: string[];
  sections?: SeedSection[];
}

/** Seed authors may be plain names of organisations. */
const author = (a: string | { nom?: string; prenom?: string; organisation?: string }) =>
  typeof a === 'string' ? { organisation: a } : a;

/**
 * Creates the sélection of a seed file through the service, its notices already stored (`ids`: seed
 * key → notice id). The published document's order is kept (`manuel`); `[[cle]]` markers in the
 * introduction become notice ids. One transaction; skipped when a sélection with the same title exists.
 */
export async function seedSelection(
  service: SelectionService,
  actor: Actor,
  seed: SeedSelection,
  ids: Map<string, string>,
): Promise<{ created: boolean; id: string }> {
  const missing: Record<string, string> = {};
  const sections = (list: SeedSection[], prefix: string): SelectionInputRaw['sections'] =>
    list.map((s, i) => ({
      titre: s.titre,
      presentation: s.presentation ?? null,
      ordre: 'manuel' as const,
      notices: s.notices.map((cle, j) => {
        const id = ids.get(cle);
        if (!id) missing[`${prefix}.${i}.notices.${j}`] = `clé de notice inconnue : ${cle}`;
        return { notice: id ?? cle };
      }),
      sections: sections(s.sections ?? [], `${prefix}.${i}.sections`),
    }));
  const raw = {
    titre: seed.titre,
    date: seed.date ?? null,
    auteurs: (seed.auteurs ?? []).map(author),
    introduction: seed.introduction ? rewriteMarkers(seed.introduction, (k) => ids.get(k)) : null,
    sections: sections(seed.sections, 'sections'),
    glossaire: seed.glossaire ?? [],
  };
  if (Object.keys(missing).length > 0) {
    throw invalid(`Sélection « ${seed.titre} » : clés de notices inconnues`, missing);
  }
  const parsed = selectionInput.safeParse(raw);
  if (!parsed.success) {
    const champs = Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]));
    throw invalid(`Sélection « ${seed.titre} » invalide`, champs);
  }
  const { created, selection } = await service.createUnlessTitleExists(actor, parsed.data);
  return { created, id: selection.id };
}
