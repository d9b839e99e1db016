import { describe, expect, it } from 'vitest';
import { untilWritten, WriteCounter } from '../../src/db/write-counter.ts';

describe('a stamp read again only after a write', () => {
  it('answers the last read while nothing was written, reads again after a write', async () => {
    const writes = new WriteCounter();
    let reads = 0;
    const stamp = untilWritten(async () => ++reads, writes);
    expect(await stamp()).toBe(1);
    expect(await stamp()).toBe(1);
    writes.bump();
    expect(await stamp()).toBe(2);
    expect(await stamp()).toBe(2);
  });

  it('a write made while a read runs makes the next call read again', async () => {
    const writes = new WriteCounter();
    let reads = 0;
    const stamp = untilWritten(async () => {
      reads++;
      writes.bump(); // a write committed while this read was on its way
      return reads;
    }, writes);
    expect(await stamp()).toBe(1);
    expect(await stamp()).toBe(2);
  });

  it('does not give a failed read again', async () => {
    const writes = new WriteCounter();
    let reads = 0;
    const stamp = untilWritten(async () => {
      reads++;
      if (reads === 1) throw new Error('base indisponible');
      return reads;
    }, writes);
    await expect(stamp()).rejects.toThrow('base indisponible');
    expect(await stamp()).toBe(2);
  });

  it('without a counter (a PostgreSQL server), every call reads', async () => {
    let reads = 0;
    const stamp = untilWritten(async () => ++reads, undefined);
    await stamp();
    await stamp();
    expect(reads).toBe(2);
  });
});
