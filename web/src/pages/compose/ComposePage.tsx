import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, requestJson } from '../../api/client.ts';
import type { NoticeHit, Selection, SelectionPreview } from '../../api/types.ts';
import { useVersionedSave } from '../../api/useVersionedSave.ts';
import { Loading, PageError } from '../../components/StateViews.tsx';
import { useTitle } from '../../lib/useTitle.ts';
import { navigate } from '../../router/history.ts';
import type { PageProps } from '../../routes.ts';
import { Alert, Breadcrumb, Button } from '../../ui/index.ts';
import type { FieldErrors } from '../edit/fieldErrors.ts';
import { ComposerForm } from './ComposerForm.tsx';
import { ConflictPanel } from './ConflictPanel.tsx';
import {
  draftFromSelection,
  emptyDraft,
  inputFromDraft,
  reapplyParts,
  type SelectionDraft,
  sameInput,
} from './draft.ts';
import type { NoticeLabel } from './SectionEditor.tsx';

interface Loaded {
  base: SelectionDraft;
  etag: string | null;
  titre: string;
}

const asApiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError(0, String(e)));
const recordUrl = (id: string) => `/api/selections/${encodeURIComponent(id)}`;
const jsonHeaders = { 'content-type': 'application/json' };

/**
 * The composer of sélections bibliographiques: `/selections/nouvelle` and `/selections/{id}/modifier`.
 * The preview is the server's own rendering of the unsaved draft; saving sends the whole sélection
 * with If-Match, and a concurrent save leads to the conflict screen.
 */
export default function ComposePage({ params }: PageProps) {
  const id = params[0] ?? null;
  const [loaded, setLoaded] = useState<Loaded | null>(
    id ? null : { base: emptyDraft(), etag: null, titre: '' },
  );
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [draft, setDraft] = useState<SelectionDraft>(() => loaded?.base ?? emptyDraft());
  const [labels, setLabels] = useState<Map<string, NoticeLabel>>(new Map());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [preview, setPreview] = useState<string | null>(null);
  const [reapplied, setReapplied] = useState<number | null>(null);
  const {
    save: send,
    saving,
    conflict,
    dismissConflict,
  } = useVersionedSave<Selection, SelectionDraft>({
    recordUrl: id ? recordUrl(id) : null,
    createUrl: '/api/selections',
    etag: loaded?.etag ?? null,
    toDraft: draftFromSelection,
  });
  const busy = saving ? 'saving' : previewing ? 'previewing' : null;
  const previewHeading = useRef<HTMLHeadingElement>(null);
  useTitle(id ? `Modifier la sélection ${loaded?.titre ?? ''}`.trim() : 'Nouvelle sélection');

  const learn = useCallback(
    (refs: SelectionPreview['references']) =>
      setLabels(
        (m) => new Map([...m, ...refs.map((r) => [r.notice, { titre: r.titre, date: r.date }] as const)]),
      ),
    [],
  );
  const showErrors = useCallback((e: ApiError) => {
    setErrors(e.champs);
    setFailure(e.message);
  }, []);

  useEffect(() => {
    if (!id) return;
    const controller = new AbortController();
    requestJson<Selection>(recordUrl(id), { signal: controller.signal })
      .then(async ({ data, etag }) => {
        const base = draftFromSelection(data);
        setLoaded({ base, etag, titre: data.titre });
        setDraft(base);
        // The notices' titles and numbers, from the server's layout of the saved sélection.
        const laidOut = await requestJson<SelectionPreview>('/api/selections/apercu', {
          method: 'POST',
          headers: jsonHeaders,
          body: JSON.stringify(inputFromDraft(base)),
          signal: controller.signal,
        }).catch((e: unknown) => {
          if (!controller.signal.aborted) showErrors(asApiError(e));
          return null;
        });
        if (laidOut) learn(laidOut.data.references);
      })
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setLoadError(asApiError(e));
      });
    return () => controller.abort();
  }, [id, learn, showErrors]);

  const dirty = loaded !== null && !sameInput(loaded.base, draft);
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  if (loadError)
    return (
      <PageError
        title={loadError.status === 404 ? 'Sélection introuvable' : 'Sélection indisponible'}
        error={loadError}
      />
    );
  if (!loaded) return <Loading label="Chargement de la sélection…" />;

  const save = async () => {
    setFailure(null);
    setErrors({});
    const { saved, error } = await send(inputFromDraft(draft));
    if (saved) {
      setLoaded({ ...loaded, base: draft }); // nothing left unsaved: leaving raises no warning
      navigate(`/selections/${encodeURIComponent(saved.id)}?enregistre=${saved.version}`);
    } else if (error) showErrors(error);
  };

  const showPreview = async () => {
    setPreviewing(true);
    setFailure(null);
    setErrors({});
    try {
      const { data } = await requestJson<SelectionPreview>('/api/selections/apercu', {
        method: 'POST',
        headers: jsonHeaders,
        body: JSON.stringify(inputFromDraft(draft)),
      });
      learn(data.references);
      setPreview(data.html);
      requestAnimationFrame(() => previewHeading.current?.focus());
    } catch (e) {
      setPreview(null);
      showErrors(asApiError(e));
    } finally {
      setPreviewing(false);
    }
  };

  const remove = async () => {
    if (!id || !window.confirm('Supprimer définitivement cette sélection ? Son historique est conservé.'))
      return;
    try {
      await requestJson(recordUrl(id), {
        method: 'DELETE',
        headers: loaded.etag ? { 'if-match': loaded.etag } : {},
      });
      setLoaded({ ...loaded, base: draft });
      navigate('/ressources');
    } catch (e) {
      showErrors(asApiError(e));
    }
  };

  const cancel = () => navigate(id ? `/selections/${encodeURIComponent(id)}` : '/ressources');
  return (
    <>
      <Breadcrumb
        currentPageLabel={id ? 'Modifier' : 'Nouvelle sélection'}
        homeLinkProps={{ href: '/' }}
        segments={[
          { label: 'Centre de ressources', linkProps: { href: '/ressources' } },
          ...(id
            ? [{ label: loaded.titre, linkProps: { href: `/selections/${encodeURIComponent(id)}` } }]
            : []),
        ]}
      />
      <h1>{id ? `Modifier : ${loaded.titre}` : 'Nouvelle sélection bibliographique'}</h1>
      <p className="u-text-sm">
        Votre modification est inscrite à votre nom dans l’historique de la sélection.
      </p>
      {conflict ? (
        <ConflictPanel
          base={loaded.base}
          mine={draft}
          current={conflict.current}
          currentVersion={conflict.version}
          modifiedAt={conflict.modifiedAt}
          onReapply={() => {
            setDraft(reapplyParts(loaded.base, draft, conflict.current));
            setLoaded({ ...loaded, base: conflict.current, etag: conflict.etag });
            setReapplied(conflict.version);
            dismissConflict();
          }}
          onDiscard={cancel}
        />
      ) : (
        <>
          {reapplied !== null && (
            <output className="u-mb-3 odts-block">
              <Alert
                severity="info"
                small
                description={`Vos modifications ont été reportées sur la version ${reapplied}. Vérifiez puis enregistrez.`}
              />
            </output>
          )}
          <ComposerForm
            draft={draft}
            onChange={setDraft}
            labels={labels}
            onLabel={(hit: NoticeHit) =>
              setLabels((m) =>
                new Map(m).set(hit.id, {
                  titre: hit.titre,
                  date: hit.date ?? (hit.annee ? String(hit.annee) : null),
                }),
              )
            }
            errors={errors}
            failure={failure}
            busy={busy}
            submitLabel={id ? 'Enregistrer la sélection' : 'Créer la sélection'}
            onSubmit={save}
            onPreview={showPreview}
            onCancel={cancel}
          />
          {id && (
            <Button
              type="button"
              priority="tertiary"
              iconId="delete-line"
              onClick={remove}
              className="u-mb-4"
            >
              Supprimer la sélection
            </Button>
          )}
          {preview !== null && (
            <section aria-labelledby="apercu-titre" className="u-mt-4">
              <h2 id="apercu-titre" ref={previewHeading} tabIndex={-1}>
                Aperçu (non enregistré)
              </h2>
              <iframe title="Aperçu de la sélection" sandbox="" srcDoc={preview} className="odts-selection" />
            </section>
          )}
        </>
      )}
    </>
  );
}
