/**
 * The API names a field of a sélection by its path (`sections.0.sections.1.notices.2.commentaire`); the
 * composer gives each field the id `champ-` + that path with dashes, so an error leads to its field.
 */
export const fieldId = (path: string) => `champ-${path.replaceAll('.', '-')}`;

const LEAVES: Record<string, string> = {
  titre: 'titre',
  presentation: 'présentation',
  ordre: 'ordre',
  sitographie: 'sitographie',
  notice: 'notice',
  commentaire: 'commentaire',
  consulteLe: 'consulté le',
  nom: 'nom',
  prenom: 'prénom',
  organisation: 'organisation',
  sigle: 'sigle',
  forme: 'forme développée',
  definition: 'définition',
};

const TOP: Record<string, string> = {
  titre: 'Titre',
  date: 'Date',
  introduction: 'Introduction',
  sections: 'Sections',
  auteurs: 'Auteurs',
  glossaire: 'Glossaire',
  logo: 'Logo de l’organisation auteure',
};

/** "sections.0.sections.1.notices.2.commentaire" → "Section 1.2, notice 3, commentaire". */
export function describeField(path: string): string {
  const parts = path.split('.');
  const out: string[] = [];
  const section: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] as string;
    const next = parts[i + 1];
    const index = next !== undefined && /^\d+$/.test(next) ? Number(next) + 1 : null;
    if (p === 'sections' && index !== null) {
      section.push(index);
      i++;
      continue;
    }
    if (section.length > 0) {
      out.push(`Section ${section.join('.')}`);
      section.length = 0;
    }
    if (p === 'notices' && index !== null) {
      out.push(`notice ${index}`);
      i++;
    } else if (p === 'auteurs' && index !== null) {
      out.push(`Auteur ${index}`);
      i++;
    } else if (p === 'glossaire' && index !== null) {
      out.push(`Glossaire, terme ${index}`);
      i++;
    } else out.push(out.length === 0 ? (TOP[p] ?? p) : (LEAVES[p] ?? p));
  }
  if (section.length > 0) out.push(`Section ${section.join('.')}`);
  return out.join(', ');
}
