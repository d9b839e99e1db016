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

/** The documents a territory page offers: the état des lieux everywhere, the dossier for elected teams locally. */
const DOCUMENTS = {
  'etat-des-lieux': {
    route: '/api/rapports/etat-des-lieux',
    titre: 'Télécharger l’état des lieux',
    nom: 'l’état des lieux',
    contenu:
      'chiffres clés, comptages, contrats de ville et dispositifs de santé, couverture de la population, liste des dynamiques',
  },
  'dossier-elus': {
    route: '/api/rapports/dossier-elus',
    titre: 'Préparer un dossier pour les élus',
    nom: 'le dossier pour les élus',
    contenu:
      'en langage simple, ce qui existe, qui contacter, ce qui manque, ce qu’est une démarche territoriale de santé et quoi lire',
  },
} as const;
type DocumentKind = keyof typeof DOCUMENTS;

export function reportHref(
  type: Levels,
  code: string,
  date: string,
  format: ReportFormat,
  kind: DocumentKind = 'etat-des-lieux',
): string {
  const params = new URLSearchParams({ territoire: `${type}:${code}`, date, format });
  return `${DOCUMENTS[kind].route}?${params}`;
}

type State = { kind: 'idle' } | { kind: 'busy'; label: string } | { kind: 'error'; message: string };

/**
 * "Télécharger l’état des lieux" in three formats. The links are real (they work without script, open
 * in a new tab, can be copied); a plain click fetches the document instead, so the page can say it is
 * being generated — a regional PDF takes several seconds — and show the server's error if it fails.
 */
export function ReportDownloads(props: {
  type: Levels;
  code: string;
  nom: string;
  date: string;
  document?: DocumentKind;
}) {
  const kind = props.document ?? 'etat-des-lieux';
  const doc = DOCUMENTS[kind];
  const [state, setState] = useState<State>({ kind: 'idle' });
  const links = FORMATS.map((f) => ({
    ...f,
    href: reportHref(props.type, props.code, props.date, f.format, kind),
  }));

  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const anchor = (e.target as Element).closest('a');
    const link = links.find((l) => anchor?.getAttribute('href') === l.href);
    if (!link || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    if (state.kind === 'busy') return;
    setState({ kind: 'busy', label: link.label });
    download(link.href, link.format, kind).then(
      () => setState({ kind: 'idle' }),
      (error: Error) => setState({ kind: 'error', message: error.message }),
    );
  };

  return (
    <section aria-labelledby={kind} className="u-mt-4">
      <h2 id={kind} className="u-h4">
        {doc.titre}
      </h2>
      <p className="u-text-sm">
        {props.nom}, situation au {formatDateLong(props.date)} : {doc.contenu}.
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
                aria-describedby={`${kind}-progression`}
              >
                {doc.titre} ({l.label})
              </ButtonLink>
            </li>
          ))}
        </ButtonGroup>
      </div>
      <output id={`${kind}-progression`} className="u-text-sm" aria-live="polite">
        {state.kind === 'busy' ? `Génération de ${doc.nom} (${state.label}) en cours…` : ''}
      </output>
      {state.kind === 'error' && (
        <Alert severity="error" small description={`Le document n’a pas pu être généré : ${state.message}`} />
      )}
    </section>
  );
}

async function download(href: string, format: ReportFormat, kind: DocumentKind): Promise<void> {
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
  a.download = name ?? `${kind}.${format}`;
  document.body.append(a);
  a.click();
  a.remove();
  // The browser has taken the file once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
