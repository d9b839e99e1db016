/**
 * Lets other requests run. PGlite executes each query synchronously and resolves it in a microtask, so a
 * loop of thousands of queries (or of in-memory checks) never gives the event loop a turn: readers served
 * from memory would still wait for the whole write. Long loops call this between chunks.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
