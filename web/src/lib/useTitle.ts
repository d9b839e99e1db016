import { useEffect } from 'react';

const SITE = 'Observatoire DTS';

/** Page title as RGAA wants it: the page first, then the site. */
export function useTitle(title: string | null) {
  useEffect(() => {
    document.title = title ? `${title} — ${SITE}` : SITE;
  }, [title]);
}
