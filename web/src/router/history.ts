import { useSyncExternalStore } from 'react';

/** A minimal History API router: the URL is the only state, pages read it through `useLocation`. */

export interface Location {
  pathname: string;
  search: string;
  hash: string;
}

const listeners = new Set<() => void>();
let current = read();

function read(): Location {
  return { pathname: window.location.pathname, search: window.location.search, hash: window.location.hash };
}

function notify() {
  const next = read();
  if (next.pathname === current.pathname && next.search === current.search && next.hash === current.hash)
    return;
  current = next;
  for (const l of listeners) l();
}

window.addEventListener('popstate', notify);

export function navigate(to: string, options: { replace?: boolean } = {}) {
  const samePage = new URL(to, window.location.href).pathname === window.location.pathname;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  if (!samePage) window.scrollTo(0, 0);
  notify();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLocation(): Location {
  return useSyncExternalStore(subscribe, () => current);
}
