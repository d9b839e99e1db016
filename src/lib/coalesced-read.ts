/**
 * Reads of a stamp (a value telling whether data moved) shared by the requests that arrive together.
 * A request may only take the answer of a read that started after it arrived: a write committed before
 * the request began (through this server or another one on the same database) is then always seen.
 * At most one read runs and one waits, however many requests arrive: under load, one round trip
 * serves them all.
 */
export class CoalescedRead<T> {
  private running: Promise<T> | null = null;
  private waiting: Promise<T> | null = null;

  constructor(private readonly read: () => Promise<T>) {}

  current(): Promise<T> {
    if (this.running === null) return this.launch();
    // The read under way started before this request: take the next one.
    this.waiting ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.waiting = null;
        return this.running ?? this.launch();
      });
    return this.waiting;
  }

  private launch(): Promise<T> {
    const read = this.read().finally(() => {
      if (this.running === read) this.running = null;
    });
    this.running = read;
    return read;
  }
}
