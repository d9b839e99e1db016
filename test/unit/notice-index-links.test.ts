import { describe, expect, it } from 'vitest';
import { type IndexedNotice, NoticeIndex } from '../../src/domain/resources/notice-index.ts';

function notice(id: string, generation: number, links: Partial<IndexedNotice>): IndexedNotice {
  return {
    id,
    generation,
    type: 'rapport',
    annee: 2020,
    date: '2020',
    dispositifs: [],
    themes: [],
    publics: [],
    dynamiques: [],
    territoires: [],
    tsvector: "'sant':1",
    ...links,
  };
}

const idsLinkedTo = (index: NoticeIndex, key: string) =>
  index.slotsLinkedTo(key).map((slot) => index.ids[slot]);

describe('notices by link in the search index', () => {
  it('finds the notices linked to a dynamic or a territory', () => {
    const index = new NoticeIndex();
    index.upsert(notice('a', 1, { dynamiques: ['dyn-1'], territoires: ['commune:29019'] }));
    index.upsert(notice('b', 2, { territoires: ['commune:29019', 'departement:29'] }));
    index.upsert(notice('c', 3, {}));
    expect(idsLinkedTo(index, 't:commune:29019')).toEqual(['a', 'b']);
    expect(idsLinkedTo(index, 'd:dyn-1')).toEqual(['a']);
    expect(idsLinkedTo(index, 't:departement:29')).toEqual(['b']);
    expect(idsLinkedTo(index, 't:departement:56')).toEqual([]);
  });

  it('follows a notice whose links changed, and forgets a removed one', () => {
    const index = new NoticeIndex();
    index.upsert(notice('a', 1, { territoires: ['commune:29019'] }));
    index.upsert(notice('b', 2, { territoires: ['commune:29019'] }));
    index.upsert(notice('a', 3, { territoires: ['departement:29'] }));
    expect(idsLinkedTo(index, 't:commune:29019')).toEqual(['b']);
    expect(idsLinkedTo(index, 't:departement:29')).toEqual(['a']);
    index.remove('b', 4);
    expect(idsLinkedTo(index, 't:commune:29019')).toEqual([]);
  });
});
