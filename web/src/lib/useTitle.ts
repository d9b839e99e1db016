import { useEffect } from 'react';
import { identity } from '../ui/index.ts';

const SITE = identity().nom;

/** Page title as RGAA wants it: the page first, then the site. */
export function useTitle(title: string | null) {
  useEffect(() => {
    document.title = title ? `${title} — ${SITE}` : SITE;
  }, [title]);
}
