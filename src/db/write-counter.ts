/**
 * Statements that may have written, counted by the embedded engine's connection. A PGlite directory is
 * owned by one process (its lock), so every write goes through this counter: a read of a stamp made
 * since the last write may be answered again without asking the database. (A PostgreSQL server has
 * other writers: no counter there.)
 */
export class WriteCounter {
  value = 0;

  bump(): void {
    this.value++;
  }
}

/**
 * `read`, answered from its last result while no statement has written since that read began (then
 * every write committed before the call is in it). Without a counter, `read` itself.
 */
export function untilWritten<T>(read: () => Promise<T>, writes: WriteCounter | undefined): () => Promise<T> {
  if (!writes) return read;
  let last: { at: number; value: Promise<T> } | null = null;
  return () => {
    if (last && last.at === writes.value) return last.value;
    const at = writes.value;
    const value = read();
    const entry = { at, value };
    last = entry;
    // A failed read is not given again.
    value.catch(() => {
      if (last === entry) last = null;
    });
    return value;
  };
}
