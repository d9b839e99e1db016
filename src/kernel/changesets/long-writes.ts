/**
 * Writes of thousands of rows (imports, reverts of a change set) in progress. PGlite has one connection:
 * while such a write holds it, any query waits for the commit, so readers that keep a copy in memory
 * answer that copy instead — it is the committed state until the write ends. On PostgreSQL the same
 * answers are simply served without a round trip.
 */
export class LongWrites {
  private running = 0;
  private readonly settlers: (() => Promise<unknown>)[] = [];

  get active(): boolean {
    return this.running > 0;
  }

  /**
   * Called once a long write has ended (committed or not), while readers still answer their copy: the
   * in-memory snapshot is rebuilt here, so that no read waits for it after the write.
   */
  onSettled(settle: () => Promise<unknown>): void {
    this.settlers.push(settle);
  }

  async run<T>(write: () => Promise<T>): Promise<T> {
    this.running++;
    try {
      return await write();
    } finally {
      try {
        for (const settle of this.settlers) await settle();
      } catch {
        // A failed refresh only means the next read refreshes itself.
      } finally {
        this.running--;
      }
    }
  }

  /** `fetch` answered again from its last value while a long write runs (when there is one). */
  remembered<T>(fetch: () => Promise<T>): () => Promise<T> {
    let last: { value: T } | null = null;
    return async () => {
      if (this.active && last) return last.value;
      const value = await fetch();
      last = { value };
      return value;
    };
  }
}
