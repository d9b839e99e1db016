import type { NoticeDetail } from '@domain/resources/responses.ts';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, getJson, requestJson } from '../../../api/client.ts';
import { useVersionedSave } from '../../../api/useVersionedSave.ts';
import { ConflictScreen } from '../../../components/ConflictScreen.tsx';
import { Loading, PageError } from '../../../components/StateViews.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useTitle } from '../../../lib/useTitle.ts';
import { navigate } from '../../../router/history.ts';
import type { PageProps } from '../../../routes.ts';
import { Alert, Breadcrumb } from '../../../ui/index.ts';
import { DuplicateHint } from './DuplicateHint.tsx';
import {
  changedFields,
  describeField,
  draftFromNotice,
  EMPTY_NOTICE_DRAFT,
  inputFromDraft,
  NOTICE_FIELD_LABELS,
  type NoticeDraft,
  reapply,
} from './draft.ts';
import { NoticeForm } from './NoticeForm.tsx';

interface Loaded {
  base: NoticeDraft;
  etag: string | null;
  version: number;
}

const recordUrl = (id: string) => `/api/ressources/${encodeURIComponent(id)}`;
const asApiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError(0, String(e)));

/** Names of the linked dynamics and territories (the notice carries only their identifiers). */
async function linkNames(n: NoticeDetail, signal: AbortSignal) {
  const dynamiques: Record<string, string> = {};
  const territoires: Record<string, string> = {};
  await Promise.all([
    ...n.dynamiques.map((id) =>
      getJson<{ nom: string }>(`/api/dynamiques/${encodeURIComponent(id)}`, signal).then(
        (d) => {
          dynamiques[id] = d.nom;
        },
        () => {},
      ),
    ),
    ...n.territoires.map((t) =>
      getJson<{ nom: string }>(`/api/territoires/${t.type}/${encodeURIComponent(t.code)}`, signal).then(
        (d) => {
          territoires[`${t.type}:${t.code}`] = `${d.nom} (${t.code})`;
        },
        () => {},
      ),
    ),
  ]);
  return { dynamiques, territoires };
}

/** Creation (`/ressources/nouvelle`) and edition (`/ressources/{id}/modifier`) of a notice, with the conflict screen. */
export default function NoticeEditPage({ params }: PageProps) {
  const id = params[0] ?? null;
  const [loaded, setLoaded] = useState<Loaded | null>(
    id ? null : { base: EMPTY_NOTICE_DRAFT, etag: null, version: 0 },
  );
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [draft, setDraft] = useState<NoticeDraft>(EMPTY_NOTICE_DRAFT);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [reapplied, setReapplied] = useState<number | null>(null);
  // The saved version read back on a conflict keeps the names of links this page already knows.
  const toDraft = useCallback(
    (n: NoticeDetail) =>
      draftFromNotice(n, {
        dynamiques: Object.fromEntries(draft.dynamiques.map((d) => [d.id, d.nom])),
        territoires: Object.fromEntries(draft.territoires.map((t) => [`${t.type}:${t.code}`, t.nom])),
      }),
    [draft.dynamiques, draft.territoires],
  );
  const {
    save: send,
    saving,
    conflict,
    dismissConflict,
  } = useVersionedSave<NoticeDetail, NoticeDraft>({
    recordUrl: id ? recordUrl(id) : null,
    createUrl: '/api/ressources',
    etag: loaded?.etag ?? null,
    toDraft,
  });
  useTitle(id ? `Modifier ${loaded?.base.titre || 'la notice'}` : 'Nouvelle notice');

  useEffect(() => {
    if (!id) return;
    const controller = new AbortController();
    requestJson<NoticeDetail>(recordUrl(id), { signal: controller.signal })
      .then(async ({ data, etag }) => {
        const base = draftFromNotice(data, await linkNames(data, controller.signal));
        setLoaded({ base, etag, version: data.version });
        setDraft(base);
      })
      .catch((e) => {
        if (!controller.signal.aborted) setLoadError(asApiError(e));
      });
    return () => controller.abort();
  }, [id]);

  if (loadError)
    return (
      <PageError
        title={loadError.status === 404 ? 'Notice introuvable' : 'Notice indisponible'}
        error={loadError}
      />
    );
  if (!loaded) return <Loading label="Chargement de la notice…" />;

  const save = async () => {
    setFailure(null);
    setErrors({});
    const { saved, error } = await send(inputFromDraft(draft));
    if (saved) navigate(`/ressources/${encodeURIComponent(saved.id)}`);
    else if (error) {
      setErrors(error.champs);
      setFailure(error.message);
    }
  };
  const cancel = () => navigate(id ? `/ressources/${encodeURIComponent(id)}` : '/ressources');
  return (
    <>
      <Breadcrumb
        currentPageLabel={id ? 'Modifier' : 'Nouvelle notice'}
        homeLinkProps={{ href: '/' }}
        segments={[
          { label: 'Centre de ressources', linkProps: { href: '/ressources' } },
          ...(id
            ? [{ label: loaded.base.titre, linkProps: { href: `/ressources/${encodeURIComponent(id)}` } }]
            : []),
        ]}
      />
      <h1>{id ? `Modifier : ${loaded.base.titre}` : 'Nouvelle notice'}</h1>
      {conflict ? (
        <ConflictScreen
          description={`La notice a été modifiée par quelqu’un d’autre (version ${conflict.version}, enregistrée le ${formatDateTime(conflict.modifiedAt)}) pendant que vous la modifiiez. Vos modifications n’ont pas été enregistrées et rien n’a été écrasé.`}
          unit={{ singular: 'champ', plural: 'champs', header: 'Champ' }}
          labels={NOTICE_FIELD_LABELS}
          mineChanged={new Set(changedFields(loaded.base, draft))}
          theirsChanged={new Set(changedFields(loaded.base, conflict.current))}
          mine={(f) => describeField(draft, f)}
          theirs={(f) => describeField(conflict.current, f)}
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
          {!id && <DuplicateHint titre={draft.titre} date={draft.date} doi={draft.doi} url={draft.url} />}
          <NoticeForm
            draft={draft}
            onChange={setDraft}
            onSubmit={() => void save()}
            onCancel={cancel}
            errors={errors}
            failure={failure}
            saving={saving}
            submitLabel={id ? 'Enregistrer les modifications' : 'Créer la notice'}
          />
        </>
      )}
    </>
  );
}
