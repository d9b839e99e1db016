import { useEffect, useState } from 'react';
import { ApiError, requestJson } from '../../api/client.ts';
import type { Dynamic } from '../../api/types.ts';
import { useVersionedSave } from '../../api/useVersionedSave.ts';
import { Loading, PageError } from '../../components/StateViews.tsx';
import { useTitle } from '../../lib/useTitle.ts';
import { navigate } from '../../router/history.ts';
import type { PageProps } from '../../routes.ts';
import { Alert, Breadcrumb } from '../../ui/index.ts';
import { ConflictView } from './ConflictView.tsx';
import { DynamicForm } from './DynamicForm.tsx';
import { type Draft, draftFromDynamic, EMPTY_DRAFT, inputFromDraft, reapply } from './draft.ts';
import { type FieldErrors, missingParts } from './fieldErrors.ts';

interface Loaded {
  base: Draft;
  etag: string | null;
  version: number;
}

const asApiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError(0, String(e)));

const recordUrl = (id: string) => `/api/dynamiques/${encodeURIComponent(id)}`;

/** Creation (`/dynamiques/nouvelle`) and edition (`/dynamiques/{id}/modifier`) of a dynamic. */
export default function EditPage({ params }: PageProps) {
  const id = params[0] ?? null;
  const [loaded, setLoaded] = useState<Loaded | null>(
    id ? null : { base: EMPTY_DRAFT, etag: null, version: 0 },
  );
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [reapplied, setReapplied] = useState<number | null>(null);
  const {
    save: send,
    saving,
    conflict,
    dismissConflict,
  } = useVersionedSave<Dynamic, Draft>({
    recordUrl: id ? recordUrl(id) : null,
    createUrl: '/api/dynamiques',
    etag: loaded?.etag ?? null,
    toDraft: draftFromDynamic,
  });
  useTitle(id ? `Modifier ${loaded?.base.nom || 'la dynamique'}` : 'Nouvelle dynamique');

  useEffect(() => {
    if (!id) return;
    const controller = new AbortController();
    requestJson<Dynamic>(recordUrl(id), { signal: controller.signal }).then(
      ({ data, etag }) => {
        const base = draftFromDynamic(data);
        setLoaded({ base, etag, version: data.version });
        setDraft(base);
      },
      (e) => {
        if (!controller.signal.aborted) setLoadError(asApiError(e));
      },
    );
    return () => controller.abort();
  }, [id]);

  if (loadError)
    return (
      <PageError
        title={loadError.status === 404 ? 'Dynamique introuvable' : 'Fiche indisponible'}
        error={loadError}
      />
    );
  if (!loaded) return <Loading label="Chargement de la fiche…" />;

  const save = async () => {
    setFailure(null);
    setErrors({});
    const { saved, error } = await send(inputFromDraft(draft));
    if (saved) navigate(`/dynamiques/${encodeURIComponent(saved.id)}?enregistre=${saved.version}`);
    else if (error) {
      setErrors(error.status === 400 ? { ...missingParts(draft), ...error.champs } : error.champs);
      setFailure(error.message);
    }
  };

  const cancel = () => navigate(id ? `/dynamiques/${encodeURIComponent(id)}` : '/registre');
  const title = id ? `Modifier : ${loaded.base.nom}` : 'Nouvelle dynamique';
  return (
    <>
      <Breadcrumb
        currentPageLabel={id ? 'Modifier' : 'Nouvelle dynamique'}
        homeLinkProps={{ href: '/' }}
        segments={[
          { label: 'Registre', linkProps: { href: '/registre' } },
          ...(id
            ? [{ label: loaded.base.nom, linkProps: { href: `/dynamiques/${encodeURIComponent(id)}` } }]
            : []),
        ]}
      />
      <h1>{title}</h1>
      <p className="u-text-sm">Votre modification est inscrite à votre nom dans l’historique de la fiche.</p>
      {conflict ? (
        <ConflictView
          base={loaded.base}
          mine={draft}
          current={conflict.current}
          currentVersion={conflict.version}
          modifiedAt={conflict.modifiedAt}
          onReapply={() => {
            setDraft(reapply(loaded.base, draft, conflict.current));
            setLoaded({ base: conflict.current, etag: conflict.etag, version: conflict.version });
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
                description={`Vos modifications ont été reportées sur la version ${reapplied}. Vérifiez le formulaire puis enregistrez.`}
              />
            </output>
          )}
          <DynamicForm
            draft={draft}
            onChange={setDraft}
            onSubmit={save}
            onCancel={cancel}
            errors={errors}
            failure={failure}
            saving={saving}
            submitLabel={id ? 'Enregistrer les modifications' : 'Créer la dynamique'}
          />
        </>
      )}
    </>
  );
}
