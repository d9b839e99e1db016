import { DEFAULT_PAGE_IDENTITY, type PageIdentity } from '@domain/identity/identity.ts';

/**
 * The operator's identity (name, description, logo, contact, accessibility status), written by the
 * server into `<meta name="odts-identite">` of the page it serves, so the header shows it at first
 * paint without a request. A page built but served otherwise (Vite's dev server) shows the defaults.
 */
function readIdentity(): PageIdentity {
  const meta = typeof document === 'undefined' ? null : document.querySelector('meta[name="odts-identite"]');
  const content = meta?.getAttribute('content');
  if (!content) return DEFAULT_PAGE_IDENTITY;
  try {
    return { ...DEFAULT_PAGE_IDENTITY, ...(JSON.parse(content) as Partial<PageIdentity>) };
  } catch {
    return DEFAULT_PAGE_IDENTITY;
  }
}

const IDENTITY = readIdentity();

export function identity(): PageIdentity {
  return IDENTITY;
}
