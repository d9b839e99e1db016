import { useEffect, useState } from 'react';
import { type ApiError, requestJson } from '../../api/client.ts';
import { ConflictScreen } from '../../components/ConflictScreen.tsx';
import { Loading } from '../../components/StateViews.tsx';
import { useTitle } from '../../lib/useTitle.ts';
import type { PageProps } from '../../routes.ts';
import { Alert, Breadcrumb } from '../../ui/index.ts';
import { AccountForm } from './AccountForm.tsx';
import { type Account, asApiError, jsonBody } from './accountApi.ts';
import {
  ACCOUNT_PARTS,
  type AccountDraft,
  changedParts,
  draftOf,
  partText,
  reapply,
  updateBody,
} from './accountDraft.ts';
import { AccountExport } from './DataExport.tsx';
import { formatMoment, roleLabel } from './labels.ts';
import { RefusalOrError } from './Refusal.tsx';
import { useAccountRecord } from './useAccountRecord.ts';

interface Conflict {
  current: AccountDraft;
  etag: string | null;
  version: number;
}

/** /comptes/{id}: an administrator edits an account (If-Match; a conflict shows both versions). */
export default function AccountEditPage({ params }: PageProps) {
  const id = params[0] ?? '';
  const { state, setState, url } = useAccountRecord(id);
  const [original, setOriginal] = useState<AccountDraft | null>(null);
  const [draft, setDraft] = useState<AccountDraft | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(
    new URLSearchParams(window.location.search).has('cree') ? 'Compte créé.' : null,
  );
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const account = state.status === 'ok' ? state.account : null;
  useTitle(account ? `Compte ${account.email}` : 'Compte');

  useEffect(() => {
    if (!account || original) return;
    setOriginal(draftOf(account));
    setDraft(draftOf(account));
  }, [account, original]);

  async function save() {
    if (!draft || state.status !== 'ok') return;
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      const { data, etag } = await requestJson<Account>(url, {
        method: 'PUT',
        ...jsonBody(updateBody(draft), state.etag ? { 'if-match': state.etag } : {}),
      });
      setState({ status: 'ok', account: data, etag });
      setOriginal(draftOf(data));
      setDraft(draftOf(data));
      setSaved(`Compte enregistré (version ${data.version}).`);
    } catch (e) {
      const err = asApiError(e);
      if (err.status === 412) {
        // Saved by someone else since it was opened here: read it again and let the person decide.
        const now = await requestJson<Account>(url).catch((again) => {
          setError(asApiError(again));
          return null;
        });
        if (now) setConflict({ current: draftOf(now.data), etag: now.etag, version: now.data.version });
      } else setError(err);
    } finally {
      setBusy(false);
    }
  }

  function resolve(keepMine: boolean) {
    if (!conflict || !draft || !original || state.status !== 'ok') return;
    const next = keepMine ? reapply(draft, original, conflict.current) : conflict.current;
    setState({ status: 'ok', account: { ...state.account, version: conflict.version }, etag: conflict.etag });
    setOriginal(conflict.current);
    setDraft(next);
    setConflict(null);
  }

  return (
    <div className="u-my-4">
      <Breadcrumb
        currentPageLabel={account?.email ?? 'Compte'}
        segments={[{ label: 'Comptes', linkProps: { href: '/comptes' } }]}
      />
      <h1>{account ? `Compte ${account.email}` : 'Compte'}</h1>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <RefusalOrError error={state.error} />}
      {saved && (
        <output className="u-mb-3 odts-block">
          <Alert severity="success" small description={saved} />
        </output>
      )}
      {account && draft && original && conflict && (
        <ConflictScreen
          description={`Ce compte a été modifié par quelqu’un d’autre depuis que vous l’avez ouvert (il est maintenant en version ${conflict.version}). Rien n’a été enregistré.`}
          unit={{ singular: 'champ', plural: 'champs', header: 'Champ' }}
          labels={ACCOUNT_PARTS}
          mineChanged={changedParts(original, draft)}
          theirsChanged={changedParts(original, conflict.current)}
          mine={(p) => partText(draft, p, roleLabel)}
          theirs={(p) => partText(conflict.current, p, roleLabel)}
          backTo="au formulaire"
          onReapply={() => resolve(true)}
          onDiscard={() => resolve(false)}
        />
      )}
      {account && draft && !conflict && (
        <>
          <p>
            Rôle actuel : {roleLabel(account.role)} · {account.actif ? 'actif' : 'désactivé'} · créé le{' '}
            {formatMoment(account.creeLe)} · dernière connexion : {formatMoment(account.derniereConnexion)} ·
            version {account.version}
          </p>
          <AccountForm
            mode="edit"
            draft={draft}
            onChange={setDraft}
            onSubmit={save}
            error={error}
            busy={busy}
          />
          <AccountExport account={account} />
        </>
      )}
    </div>
  );
}
