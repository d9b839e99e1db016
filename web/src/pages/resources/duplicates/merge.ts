import { describeField, NOTICE_FIELDS, type NoticeDraft, type NoticeField } from '../edit/draft.ts';

/** Which notice's value a field takes; lists can also take both. */
export type Pick = 'a' | 'b' | 'both';
export type Picks = Partial<Record<NoticeField, Pick>>;

/** Fields that hold several values: they can be joined. */
const LISTS: ReadonlySet<NoticeField> = new Set<NoticeField>([
  'auteurs',
  'directeurs',
  'motsCles',
  'etiquettes',
  'dispositifs',
  'themes',
  'publics',
  'dynamiques',
  'territoires',
  'actions',
]);
export const canJoin = (f: NoticeField) => LISTS.has(f);

/** Fields compared on screen; type-dependent `sousType` and `actions` (not edited here) follow the rest. */
export const COMPARED: NoticeField[] = NOTICE_FIELDS.filter((f) => f !== 'actions');

const isEmpty = (d: NoticeDraft, f: NoticeField) => describeField(d, f) === '(vide)';
export const same = (a: NoticeDraft, b: NoticeDraft, f: NoticeField) =>
  describeField(a, f) === describeField(b, f);

/** What is offered at first: the kept notice's value, the other's when the kept one is empty, lists joined. */
export function defaultPicks(a: NoticeDraft, b: NoticeDraft): Picks {
  const picks: Picks = {};
  for (const f of COMPARED) {
    if (same(a, b, f)) continue;
    if (canJoin(f) && !isEmpty(a, f) && !isEmpty(b, f)) picks[f] = 'both';
    else picks[f] = isEmpty(a, f) ? 'b' : 'a';
  }
  return picks;
}

const keyOf = (v: unknown) => JSON.stringify(v);

function joined<T>(x: T[], y: T[], key: (v: T) => string = keyOf): T[] {
  const seen = new Set(x.map(key));
  return [...x, ...y.filter((v) => !seen.has(key(v)))];
}

/** The merged notice as the form would edit it, field by field. */
export function mergeDrafts(a: NoticeDraft, b: NoticeDraft, picks: Picks): NoticeDraft {
  const out: Record<string, unknown> = { ...a };
  for (const f of NOTICE_FIELDS) {
    const pick = picks[f] ?? 'a';
    if (pick === 'a') continue;
    if (pick === 'b') {
      out[f] = b[f];
      continue;
    }
    if (f === 'etiquettes') {
      const tags = (s: string) =>
        s
          .split(';')
          .map((t) => t.trim())
          .filter(Boolean);
      out[f] = joined(tags(a.etiquettes), tags(b.etiquettes), (t) => t.toLowerCase()).join(' ; ');
    } else if (f === 'dynamiques') out[f] = joined(a.dynamiques, b.dynamiques, (d) => d.id);
    else if (f === 'territoires') out[f] = joined(a.territoires, b.territoires, (t) => `${t.type}:${t.code}`);
    else out[f] = joined(a[f] as unknown[], b[f] as unknown[]);
  }
  // The links to actions always join: neither notice's actions should lose their reference.
  out.actions = joined(a.actions, b.actions);
  // A sub-type only exists for an official text, and follows the type chosen.
  if ((picks.type ?? 'a') === 'b' && !picks.sousType) out.sousType = b.sousType;
  return out as unknown as NoticeDraft;
}
