/**
 * Light or dark display, chosen by the visitor and kept in localStorage ('scheme', the key the DSFR
 * uses too). index.html applies it before the first paint; this module changes it afterwards.
 */
export type Scheme = 'light' | 'dark' | 'system';

export function storedScheme(): Scheme {
  const stored = localStorage.getItem('scheme');
  return stored === 'light' || stored === 'dark' ? stored : 'system';
}

export function applyScheme(scheme: Scheme): void {
  if (scheme === 'system') localStorage.removeItem('scheme');
  else localStorage.setItem('scheme', scheme);
  const dark =
    scheme === 'dark' || (scheme === 'system' && matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.dataset.scheme = dark ? 'dark' : 'light';
}
