import type { ActionOut } from '@domain/actions/responses.ts';
import { useEffect, useState } from 'react';
import { ApiError, requestJson } from '../../api/client.ts';
import { useVersionedSave } from '../../api/useVersionedSave.ts';
import { ConflictScreen } from '../../components/ConflictScreen.tsx';
import { Loading, PageError } from '../../components/StateViews.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useTitle } from '../../lib/useTitle.ts';
import { navigate } from '../../router/history.ts';
import type { PageProps } from '../../routes.ts';
import { Alert, Breadcrumb } from '../../ui/index.ts';
import { ActionForm, FIELD_LABELS } from './ActionForm.tsx';
import {
  type ActionDraft,
  changedFields,
  type DraftField,
  draftFromAction,
  EMPTY_ACTION_DRAFT,
  fieldOfPath,
  inputFromDraft,
  reapply,
} from './draft.ts';

interface Loaded {
  base: ActionDraft;
  etag: string | null;
  version: number;
}

const recordUrl = (id: string) => `/api/actions/${encodeURIComponent(id)}`;
const asApiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError(0, String(e)));

/** A field's value in words, for reading two versions side by side. */
function describe(d: ActionDraft, f: DraftField): string {
  const v = d[f];
  if (Array.isArray(v))
    return (
      v.map((x) => (typeof x === 'string' ? x : Object.values(x).filter(Boolean).join(' · '))).join('\n') ||
      '(vide)'
    );
  return v || '(vide)';
}

/** Creation (`/actions/nouvelle`) and edition (`/actions/{id}/modifier`) of an action, with the conflict screen. */
export default function ActionEditPage({ params }: PageProps) {
  const id = params[0] ?? null;
  const [loaded, setLoaded] = useState<Loaded | null>(
    id ? null : { base: EMPTY_ACTION_DRAFT, etag: null, version: 0 },
  );
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [draft, setDraft] = useState<ActionDraft>(EMPTY_ACTION_DRAFT);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [reapplied, setReapplied] = useState<number | null>(null);
  const {
    save: send,
    saving,
    conflict,
    dismissConflict,
  } = useVersionedSave<ActionOut, ActionDraft>({
    recordUrl: id ? recordUrl(id) : null,
    createUrl: '/api/actions',
    etag: loaded?.etag ?? null,
    toDraft: draftFromAction,
  });
  useTitle(id ? `Modifier ${loaded?.base.titre || 'l’action'}` : 'Nouvelle action');

  useEffect(() => {
    if (!id) return;
    const controller = new AbortController();
    requestJson<ActionOut>(recordUrl(id), { signal: controller.signal }).then(
      ({ data, etag }) => {
        const base = draftFromAction(data);
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
        title={loadError.status === 404 ? 'Action introuvable' : 'Action indisponible'}
        error={loadError}
      />
    );
  if (!loaded) return <Loading label="Chargement de l’action…" />;

  const save = async () => {
    setFailure(null);
    setErrors({});
    const { saved, error } = await send(inputFromDraft(draft));
    if (saved) navigate(`/actions/${encodeURIComponent(saved.id)}?enregistre=${saved.version}`);
    else if (error) {
      const byField: Record<string, string> = {};
      for (const [path, message] of Object.entries(error.champs)) byField[fieldOfPath(path)] ??= message;
      setErrors(byField);
      setFailure(error.message);
    }
  };
  const cancel = () => navigate(id ? `/actions/${encodeURIComponent(id)}` : '/actions');
  return (
    <>
      <Breadcrumb
        currentPageLabel={id ? 'Modifier' : 'Nouvelle action'}
        homeLinkProps={{ href: '/' }}
        segments={[
          { label: 'Actions et expériences', linkProps: { href: '/actions' } },
          ...(id
            ? [{ label: loaded.base.titre, linkProps: { href: `/actions/${encodeURIComponent(id)}` } }]
            : []),
        ]}
      />
      <h1>{id ? `Modifier : ${loaded.base.titre}` : 'Nouvelle action'}</h1>
      {conflict ? (
        <ConflictScreen
          description={`L’action a été modifiée par quelqu’un d’autre (version ${conflict.version}, enregistrée le ${formatDateTime(conflict.modifiedAt)}) pendant que vous la modifiiez. Vos modifications n’ont pas été enregistrées et rien n’a été écrasé.`}
          unit={{ singular: 'champ', plural: 'champs', header: 'Champ' }}
          labels={FIELD_LABELS}
          mineChanged={new Set(changedFields(loaded.base, draft))}
          theirsChanged={new Set(changedFields(loaded.base, conflict.current))}
          mine={(f) => describe(draft, f)}
          theirs={(f) => describe(conflict.current, f)}
          backTo="au formulaire"
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
          <ActionForm
            draft={draft}
            onChange={setDraft}
            onSubmit={() => void save()}
            onCancel={cancel}
            errors={errors}
            failure={failure}
            saving={saving}
            submitLabel={id ? 'Enregistrer les modifications' : 'Créer l’action'}
          />
        </>
      )}
    </>
  );
}
