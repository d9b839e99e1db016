import type { ReactNode } from 'react';
import type { Contributor } from '../../api/types.ts';

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};
const decodeEntities = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);

/**
 * The server's excerpt (escaped text with <mark> around matching words) turned into React nodes:
 * no HTML is injected, only the marks are kept.
 */
export function Highlighted({ html }: { html: string }) {
  const parts: ReactNode[] = [];
  const re = /<mark>(.*?)<\/mark>/g;
  let cursor = 0;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    parts.push(decodeEntities(html.slice(cursor, m.index)));
    parts.push(<mark key={m.index}>{decodeEntities(m[1] ?? '')}</mark>);
    cursor = m.index + m[0].length;
  }
  parts.push(decodeEntities(html.slice(cursor)));
  return <>{parts}</>;
}

export function contributorName(c: Contributor): string {
  return 'organisation' in c ? c.organisation : c.prenom ? `${c.prenom} ${c.nom}` : c.nom;
}

/** "A. Martin, B. Durand et al." style: every name up to four, then « et al. ». */
export function authorsLine(list: Contributor[]): string {
  if (list.length === 0) return 'Auteur non renseigné';
  const names = list.slice(0, 4).map(contributorName);
  return list.length > 4 ? `${names.join(', ')} et al.` : names.join(', ');
}
