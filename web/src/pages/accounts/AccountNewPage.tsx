import { useState } from 'react';
import { ApiError, requestJson } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { Loading } from '../../components/StateViews.tsx';
import { useTitle } from '../../lib/useTitle.ts';
import { navigate } from '../../router/history.ts';
import { Breadcrumb } from '../../ui/index.ts';
import { AccountForm } from './AccountForm.tsx';
import { type Account, asApiError, jsonBody, type Me } from './accountApi.ts';
import { type AccountDraft, creationBody, EMPTY_ACCOUNT } from './accountDraft.ts';
import { RefusalOrError } from './Refusal.tsx';

/** /comptes/nouveau: an administrator creates an account. */
export default function AccountNewPage() {
  useTitle('Nouveau compte');
  const [draft, setDraft] = useState<AccountDraft>(EMPTY_ACCOUNT);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const me = useApi<Me>('/api/moi');

  async function create() {
    setBusy(true);
    setError(null);
    try {
      const { data } = await requestJson<Account>('/api/utilisateurs', {
        method: 'POST',
        ...jsonBody(creationBody(draft)),
      });
      navigate(`/comptes/${encodeURIComponent(data.id)}?cree=1`);
    } catch (e) {
      setError(asApiError(e));
      setBusy(false);
    }
  }

  // The form is offered only to roles that may create accounts; the server decides in any case.
  const denied =
    me.status === 'error'
      ? me.error
      : me.data && !me.data.permissions.includes('comptes')
        ? new ApiError(403, 'Action non autorisée pour votre rôle : gérer les comptes et les jetons')
        : null;
  const refused = denied ?? (error && (error.status === 401 || error.status === 403) ? error : null);
  return (
    <div className="u-my-4">
      <Breadcrumb
        currentPageLabel="Nouveau compte"
        segments={[{ label: 'Comptes', linkProps: { href: '/comptes' } }]}
      />
      <h1>Nouveau compte</h1>
      {me.status === 'loading' ? (
        <Loading />
      ) : refused ? (
        <RefusalOrError error={refused} />
      ) : (
        <AccountForm
          mode="create"
          draft={draft}
          onChange={setDraft}
          onSubmit={create}
          error={error}
          busy={busy}
        />
      )}
    </div>
  );
}
