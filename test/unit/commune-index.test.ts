import { describe, expect, it } from 'vitest';
import { CommuneIndex } from '../../src/analytics/snapshot.ts';
import type { AnalyticDynamic } from '../../src/domain/analytics/model.ts';

const dyn = (id: string) => ({ id }) as AnalyticDynamic;

describe('commune index shared between snapshots', () => {
  it('answers with the changed lists over the base, and leaves the earlier index as it was', () => {
    const a = dyn('a');
    const b = dyn('b');
    const first = new CommuneIndex(
      new Map([
        ['42218', [a]],
        ['69123', [a, b]],
      ]),
    );
    const second = first.with(
      new Map([
        ['42218', []],
        ['13055', [b]],
      ]),
    );
    expect(second.get('42218')).toEqual([]);
    expect(second.get('13055')).toEqual([b]);
    expect(second.get('69123')).toEqual([a, b]);
    expect(first.get('42218')).toEqual([a]);
    expect(first.get('13055')).toBeUndefined();
    const third = second.with(new Map([['13055', [a, b]]]));
    expect(third.get('13055')).toEqual([a, b]);
    expect(third.get('42218')).toEqual([]);
  });

  it('flattens into a new base past 5,000 changed communes, with the same answers', () => {
    const a = dyn('a');
    const base = new CommuneIndex(
      new Map([
        ['00001', [a]],
        ['00002', [a]],
      ]),
    );
    const lists = new Map<string, AnalyticDynamic[]>([['00001', []]]);
    for (let i = 10_000; i < 15_001; i += 1) lists.set(String(i), [a]);
    const flat = base.with(lists);
    expect(flat.get('00001')).toBeUndefined();
    expect(flat.get('00002')).toEqual([a]);
    expect(flat.get('15000')).toEqual([a]);
    expect(flat.with(new Map([['00002', []]])).get('00002')).toEqual([]);
  });
});
