import type { BenchNotice, Category, CslName } from './notices.ts';

const RIS_TYPES: Record<Category, string> = {
  article: 'JOUR',
  rapport: 'RPRT',
  ouvrage: 'BOOK',
  chapitre: 'CHAP',
  texte_officiel: 'STAT',
  page_web: 'ELEC',
  guide: 'RPRT',
  actes: 'CPAPER',
  these: 'THES',
  video: 'VIDEO',
  outil: 'GEN',
};

const name = (n: CslName) => ('literal' in n ? n.literal : `${n.family}, ${n.given}`);

/** One RIS record (tags of the RIS specification, `TAG  - value` lines, closed by `ER  - `). */
export function noticeToRis(n: BenchNotice): string {
  const lines: string[] = [];
  const tag = (t: string, value: string | undefined) => {
    if (value) lines.push(`${t}  - ${value.replace(/\s*\n\s*/g, ' ')}`);
  };
  tag('TY', RIS_TYPES[n.categorie]);
  tag('ID', n.id);
  tag('TI', n.title);
  for (const a of n.author) tag('AU', name(a));
  for (const e of n.editor ?? []) tag('A2', name(e));
  const [year, month] = n.issued['date-parts'][0];
  tag('PY', String(year));
  tag('DA', month ? `${year}/${String(month).padStart(2, '0')}//` : undefined);
  tag('T2', n['container-title']);
  tag('VL', n.volume);
  tag('IS', n.issue);
  const [sp, ep] = (n.page ?? '').split('-');
  tag('SP', sp);
  tag('EP', ep);
  tag('PB', n.publisher);
  tag('CY', n['publisher-place']);
  tag('SN', n.ISBN);
  tag('UR', n.URL);
  if (n.accessed) tag('Y2', n.accessed['date-parts'][0].join('/'));
  tag('AB', n.abstract);
  for (const k of n.keyword.split(', ')) tag('KW', k);
  for (const d of n.dispositifs) tag('KW', d);
  tag('LA', n.language);
  tag('M3', n.categorie === 'guide' ? 'Guide' : undefined);
  lines.push('ER  - ');
  return lines.join('\r\n');
}

export function noticesToRis(notices: readonly BenchNotice[]): string {
  return `${notices.map(noticeToRis).join('\r\n\r\n')}\r\n`;
}
