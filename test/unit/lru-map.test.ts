import { describe, expect, it } from 'vitest';
import { LruMap } from '../../src/lib/lru-map.ts';

describe('LruMap', () => {
  it('lets the least recently read or written entry go first', () => {
    const m = new LruMap<string, number>(2);
    m.set('a', 1);
    m.set('b', 2);
    expect(m.get('a')).toBe(1);
    m.set('c', 3);
    expect(m.get('b')).toBeUndefined();
    expect(m.get('a')).toBe(1);
    expect(m.get('c')).toBe(3);
    m.set('c', 4);
    m.set('d', 5);
    expect(m.get('a')).toBeUndefined();
    expect(m.get('c')).toBe(4);
    m.delete('c');
    expect(m.get('c')).toBeUndefined();
  });
});
