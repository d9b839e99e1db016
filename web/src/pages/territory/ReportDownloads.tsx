import type { ReportFormat } from '@domain/reports/schemas.ts';
import { type MouseEvent, useState } from 'react';
import { formatDateLong } from '../../lib/format.ts';
import { Alert, ButtonGroup, ButtonLink } from '../../ui/index.ts';

const FORMATS: { format: ReportFormat; label: string }[] = [
  { format: 'pdf', label: 'PDF' },
  { format: 'docx', label: 'DOCX' },
  { format: 'html', label: 'HTML' },
];

type Levels = 'region' | 'departement' | 'epci' | 'commune';

export function reportHref(type: Levels, code: string, date: string, format: ReportFormat): string {
  const params = new URLSearchParams({ territoire: `${type}:${code}`, date, format });
  return `/api/rapports/etat-des-lieux?${params}`;
}

type State = { kind: 'idle' } | { kind: 'busy'; label: string } | { kind: 'error'; message: string };

/**
 * "Télécharger l’état des lieux" in three formats. The links are real (they work without script, open
 * in a new tab, can be copied); a plain click fetches the document instead, so the page can say it is
 * being generated — a regional PDF takes several seconds — and show the server's error if it fails.
 */
export function ReportDownloads(props: { type: Levels; code: string; nom: string; date: string }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const links = FORMATS.map((f) => ({
    ...f,
    href: reportHref(props.type, props.code, props.date, f.format),
  }));

  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const anchor = (e.target as Element).closest('a');
    const link = links.find((l) => anchor?.getAttribute('href') === l.href);
    if (!link || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    if (state.kind === 'busy') return;
    setState({ kind: 'busy', label: link.label });
    download(link.href, link.format).then(
      () => setState({ kind: 'idle' }),
      (error: Error) => setState({ kind: 'error', message: error.message }),
    );
  };

  return (
    <section aria-labelledby="etat-des-lieux" className="u-mt-4">
      <h2 id="etat-des-lieux" className="u-h4">
        Télécharger l’état des lieux
      </h2>
      <p className="u-text-sm">
        {props.nom}, situation au {formatDateLong(props.date)} : chiffres clés, comptages, contrats de ville
        et dispositifs de santé, couverture de la population, liste des dynamiques.
      </p>
      {/* Delegation: the links stay plain links of the component layer. */}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the clicks handled are those of the links inside */}
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: Enter on a link fires this same click */}
      <div onClick={onClick}>
        <ButtonGroup>
          {links.map((l) => (
            <li key={l.format}>
              <ButtonLink
                priority="secondary"
                size="small"
                iconId="download-line"
                href={l.href}
                download
                aria-describedby="etat-des-lieux-progression"
              >
                Télécharger l’état des lieux ({l.label})
              </ButtonLink>
            </li>
          ))}
        </ButtonGroup>
      </div>
      <output id="etat-des-lieux-progression" className="u-text-sm" aria-live="polite">
        {state.kind === 'busy' ? `Génération de l’état des lieux (${state.label}) en cours…` : ''}
      </output>
      {state.kind === 'error' && (
        <Alert severity="error" small description={`Le document n’a pas pu être généré : ${state.message}`} />
      )}
    </section>
  );
}

async function download(href: string, format: ReportFormat): Promise<void> {
  let res: Response;
  try {
    res = await fetch(href);
  } catch {
    throw new Error('le serveur ne répond pas ; vérifiez votre connexion puis réessayez.');
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { erreur?: string } | null;
    throw new Error(body?.erreur ?? `le serveur a répondu ${res.status}.`);
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1];
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name ?? `etat-des-lieux.${format}`;
  document.body.append(a);
  a.click();
  a.remove();
  // The browser has taken the file once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
