import { describe, expect, it } from 'vitest';
import { CoalescedRead } from '../../src/lib/coalesced-read.ts';

/** A stamp source whose reads finish when the test says, each answering the value at its start. */
function manualSource() {
  let value = 0;
  const pending: (() => void)[] = [];
  let reads = 0;
  return {
    write: () => {
      value += 1;
    },
    read: () => {
      reads += 1;
      const seen = String(value);
      return new Promise<string>((resolve) => pending.push(() => resolve(seen)));
    },
    finishNext: async () => {
      pending.shift()?.();
      // Let the chained callbacks run.
      for (let i = 0; i < 5; i++) await Promise.resolve();
    },
    reads: () => reads,
  };
}

describe('stamp reads shared by requests arriving together', () => {
  it('requests arriving during one read share the next read, never the one started before them', async () => {
    const source = manualSource();
    const stamp = new CoalescedRead(source.read);
    const first = stamp.current();
    source.write(); // committed after the first read started, before the next requests arrive
    const second = stamp.current();
    const third = stamp.current();
    expect(source.reads()).toBe(1);
    await source.finishNext();
    expect(await first).toBe('0');
    expect(source.reads()).toBe(2);
    await source.finishNext();
    expect(await second).toBe('1');
    expect(await third).toBe('1');
  });

  it('a request arriving when no read runs starts its own', async () => {
    const source = manualSource();
    const stamp = new CoalescedRead(source.read);
    const first = stamp.current();
    await source.finishNext();
    await first;
    source.write();
    const next = stamp.current();
    await source.finishNext();
    expect(await next).toBe('1');
    expect(source.reads()).toBe(2);
  });

  it('a failed read fails its requests only; the waiting ones get a new read', async () => {
    let calls = 0;
    const stamp = new CoalescedRead(async () => {
      calls += 1;
      if (calls === 1) throw new Error('connexion perdue');
      return 'ok';
    });
    const failing = stamp.current();
    const waiting = stamp.current();
    await expect(failing).rejects.toThrow('connexion perdue');
    expect(await waiting).toBe('ok');
  });
});
