import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { Loading, PageError } from '../../components/StateViews.tsx';
import { useTitle } from '../../lib/useTitle.ts';
import { useLocation } from '../../router/history.ts';
import type { PageProps } from '../../routes.ts';
import { Alert, Breadcrumb, ButtonGroup, ButtonLink } from '../../ui/index.ts';

const DOWNLOADS = [
  { format: 'pdf', label: 'PDF' },
  { format: 'docx', label: 'DOCX' },
  { format: 'ris', label: 'RIS' },
  { format: 'bibtex', label: 'BibTeX' },
  { format: 'csl-json', label: 'CSL-JSON' },
] as const;

type State =
  | { kind: 'loading' }
  | { kind: 'ok'; html: string; title: string }
  | { kind: 'failed'; error: ApiError };

const exportUrl = (id: string, format: string) =>
  `/api/selections/${encodeURIComponent(id)}/export?format=${format}`;

/** The title the server put in the document, else a neutral one. */
function titleOf(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return doc.querySelector('h1')?.textContent?.trim() || doc.title.trim() || 'Sélection de ressources';
}

/**
 * A selection of notices as the server renders it (HTML export), shown in a sandboxed frame with no
 * scripts, with its downloads. A selection the server does not know reads « sélection introuvable ».
 */
export default function SelectionPage({ params }: PageProps) {
  const id = params[0] ?? '';
  const saved = new URLSearchParams(useLocation().search).get('enregistre');
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [tick, setTick] = useState(0);
  useTitle(
    state.kind === 'ok'
      ? state.title
      : state.kind === 'failed' && state.error.status === 404
        ? 'Sélection introuvable'
        : 'Sélection',
  );

  useEffect(() => {
    void tick;
    const controller = new AbortController();
    setState({ kind: 'loading' });
    fetch(exportUrl(id, 'html'), { signal: controller.signal, headers: { accept: 'text/html' } })
      .then(async (res) => {
        if (res.status === 404) throw new ApiError(404, `Aucune sélection avec l’identifiant « ${id} ».`);
        if (!res.ok) throw new ApiError(res.status, `Le serveur a répondu ${res.status}.`);
        const html = await res.text();
        setState({ kind: 'ok', html, title: titleOf(html) });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        const e =
          error instanceof ApiError
            ? error
            : new ApiError(0, 'Le serveur ne répond pas : vérifiez votre connexion puis réessayez.');
        setState({ kind: 'failed', error: e });
      });
    return () => controller.abort();
  }, [id, tick]);

  if (state.kind === 'loading') return <Loading label="Chargement de la sélection…" />;
  if (state.kind === 'failed')
    return (
      <PageError
        title={state.error.status === 404 ? 'Sélection introuvable' : 'Sélection indisponible'}
        error={state.error}
        onRetry={() => setTick((t) => t + 1)}
      />
    );
  return (
    <>
      <Breadcrumb
        currentPageLabel={state.title}
        homeLinkProps={{ href: '/' }}
        segments={[{ label: 'Centre de ressources', linkProps: { href: '/ressources' } }]}
      />
      <h1>{state.title}</h1>
      {saved && (
        <output className="u-mb-3 odts-block">
          <Alert severity="success" small description={`Sélection enregistrée (version ${saved}).`} />
        </output>
      )}
      <ButtonGroup>
        <li>
          <ButtonLink iconId="edit-line" href={`/selections/${encodeURIComponent(id)}/modifier`}>
            Modifier la sélection
          </ButtonLink>
        </li>
        {DOWNLOADS.map((d) => (
          <li key={d.format}>
            <ButtonLink priority="secondary" iconId="download-line" href={exportUrl(id, d.format)} download>
              Télécharger en {d.label}
            </ButtonLink>
          </li>
        ))}
      </ButtonGroup>
      <iframe
        title={`Contenu de la sélection : ${state.title}`}
        sandbox=""
        srcDoc={state.html}
        className="odts-selection"
      />
    </>
  );
}
