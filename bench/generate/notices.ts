import type { Rng } from './prng.ts';
import {
  FAMILY_NAMES,
  GIVEN_NAMES,
  INSTITUTIONS,
  JOURNALS,
  PREFIXES,
  PUBLISHERS,
  SENTENCES,
  SUBJECTS,
  SUBTITLES,
  type Subject,
} from './vocabulary.ts';

/** French category of a resource (the platform's resource types) and its CSL-JSON type. */
export const CATEGORIES = {
  article: { csl: 'article-journal', weight: 30 },
  rapport: { csl: 'report', weight: 20 },
  ouvrage: { csl: 'book', weight: 8 },
  chapitre: { csl: 'chapter', weight: 8 },
  texte_officiel: { csl: 'legislation', weight: 6 },
  page_web: { csl: 'webpage', weight: 10 },
  guide: { csl: 'report', weight: 8 },
  actes: { csl: 'paper-conference', weight: 4 },
  these: { csl: 'thesis', weight: 3 },
  video: { csl: 'motion_picture', weight: 2 },
  outil: { csl: 'document', weight: 1 },
} as const;
export type Category = keyof typeof CATEGORIES;

export type CslName = { family: string; given: string } | { literal: string };

/** A CSL-JSON item plus `categorie` and `dispositifs` (kinds of dynamics the resource is about). */
export interface BenchNotice {
  id: string;
  type: string;
  categorie: Category;
  title: string;
  author: CslName[];
  editor?: CslName[];
  issued: { 'date-parts': [[number] | [number, number]] };
  'container-title'?: string;
  publisher?: string;
  'publisher-place'?: string;
  volume?: string;
  issue?: string;
  page?: string;
  ISBN?: string;
  URL?: string;
  accessed?: { 'date-parts': [[number, number, number]] };
  abstract?: string;
  keyword: string;
  language: 'fr';
  dispositifs: string[];
}

/** "à" + article: "aux contrats…", "au diagnostic…", "à la santé…". */
const toSubject = (text: string) =>
  text
    .replace(/^les /, 'aux ')
    .replace(/^le /, 'au ')
    .replace(/^(la |l’)/, 'à $1');
const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const CATEGORY_WEIGHTS = Object.fromEntries(
  Object.entries(CATEGORIES).map(([k, v]) => [k, v.weight]),
) as Record<Category, number>;

function title(rng: Rng, main: Subject, other: Subject): string {
  const form = rng.int(0, 3);
  const base =
    form === 0
      ? cap(main.text)
      : form === 1
        ? `${rng.pick(PREFIXES)} ${main.text}`
        : form === 2
          ? `${cap(main.text)} et ${other.text}`
          : `${cap(main.text)} en ${rng.int(1995, 2026)}`;
  return rng.chance(0.65) ? `${base} : ${rng.pick(SUBTITLES)}` : base;
}

function authors(rng: Rng, category: Category): CslName[] {
  const institutional = category === 'rapport' || category === 'guide' || category === 'texte_officiel';
  if (institutional || rng.chance(0.15)) return [{ literal: rng.pick(INSTITUTIONS) }];
  return Array.from({ length: Number(rng.weighted({ 1: 4, 2: 3, 3: 2, 5: 1 })) }, () => ({
    family: rng.pick(FAMILY_NAMES),
    given: rng.pick(GIVEN_NAMES),
  }));
}

function abstract(rng: Rng, main: Subject, other: Subject): string {
  return rng
    .sample(SENTENCES, rng.int(2, 3))
    .map((t) =>
      t
        .replace('{s}', main.text)
        .replace('{t}', other.text)
        .replace('{n}', String(rng.int(3, 40))),
    )
    .join(' ');
}

/** `count` notices (50,000 by default), years 1990–2026 with more recent ones. */
export function generateNotices(rng: Rng, count = 50_000): BenchNotice[] {
  const out: BenchNotice[] = [];
  for (let i = 1; i <= count; i++) {
    const category = rng.weighted(CATEGORY_WEIGHTS);
    const main = rng.pick(SUBJECTS);
    const other = rng.pick(SUBJECTS);
    const year = 2026 - Math.floor(37 * rng.next() ** 1.6);
    const n: BenchNotice = {
      id: `notice-${String(i).padStart(5, '0')}`,
      type: CATEGORIES[category].csl,
      categorie: category,
      title: title(rng, main, other),
      author: authors(rng, category),
      issued: { 'date-parts': [rng.chance(0.6) ? [year, rng.int(1, 12)] : [year]] },
      keyword: [...new Set([...main.keywords, ...rng.sample(other.keywords, 1)])].join(', '),
      language: 'fr',
      dispositifs: [...new Set([...main.dispositifs, ...(rng.chance(0.3) ? other.dispositifs : [])])],
    };
    describeContainer(rng, n, category, other);
    if (rng.chance(0.5)) n.abstract = abstract(rng, main, other);
    out.push(n);
  }
  return out;
}

function describeContainer(rng: Rng, n: BenchNotice, category: Category, other: Subject) {
  const year = n.issued['date-parts'][0][0];
  const publisher = rng.pick(PUBLISHERS);
  const url = `https://doc.example.org/${category}/${year}/${n.id}`;
  const first = rng.int(1, 180);
  switch (category) {
    case 'article':
      Object.assign(n, {
        'container-title': rng.pick(JOURNALS),
        volume: String(rng.int(1, 40)),
        issue: String(rng.int(1, 6)),
        page: `${first}-${first + rng.int(4, 20)}`,
        ...(rng.chance(0.6) ? { URL: url } : {}),
      });
      return;
    case 'ouvrage':
    case 'these':
      Object.assign(n, {
        publisher: category === 'these' ? 'École des hautes études en santé publique' : publisher.name,
        'publisher-place': publisher.place,
        ...(category === 'ouvrage'
          ? { ISBN: `978-2-${rng.int(10000, 99999)}-${rng.int(100, 999)}-${rng.int(0, 9)}` }
          : {}),
      });
      return;
    case 'chapitre':
      Object.assign(n, {
        'container-title': cap(other.text),
        editor: [{ family: rng.pick(FAMILY_NAMES), given: rng.pick(GIVEN_NAMES) }],
        publisher: publisher.name,
        'publisher-place': publisher.place,
        page: `${first}-${first + rng.int(8, 30)}`,
      });
      return;
    case 'texte_officiel':
      n.title = `${rng.pick(['Instruction', 'Circulaire', 'Décret', 'Arrêté'])} n° ${year}-${rng.int(10, 999)} relatif ${toSubject(other.text)}`;
      Object.assign(n, { 'container-title': 'Journal officiel de la République française', URL: url });
      return;
    case 'page_web':
    case 'video':
    case 'outil':
      Object.assign(n, {
        'container-title': (n.author[0] as { literal?: string }).literal ?? rng.pick(INSTITUTIONS),
        URL: url,
        accessed: { 'date-parts': [[Math.max(year, 2010), rng.int(1, 12), rng.int(1, 28)]] },
      });
      return;
    case 'actes':
      Object.assign(n, {
        'container-title': `Actes des rencontres ${other.text.replace(/^(la|les|le|l’) /, '')}`,
        publisher: publisher.name,
      });
      return;
    default:
      Object.assign(n, {
        publisher: (n.author[0] as { literal?: string }).literal ?? publisher.name,
        URL: url,
      });
  }
}
