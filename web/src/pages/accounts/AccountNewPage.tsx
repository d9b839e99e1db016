import { useState } from 'react';
import { type ApiError, requestJson } from '../../api/client.ts';
import { useTitle } from '../../lib/useTitle.ts';
import { navigate } from '../../router/history.ts';
import { Breadcrumb } from '../../ui/index.ts';
import { AccountForm } from './AccountForm.tsx';
import { type Account, asApiError, jsonBody } from './accountApi.ts';
import { type AccountDraft, creationBody, EMPTY_ACCOUNT } from './accountDraft.ts';
import { RefusalOrError } from './Refusal.tsx';

/** /comptes/nouveau: an administrator creates an account. */
export default function AccountNewPage() {
  useTitle('Nouveau compte');
  const [draft, setDraft] = useState<AccountDraft>(EMPTY_ACCOUNT);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

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

  const refused = error && (error.status === 401 || error.status === 403);
  return (
    <div className="u-my-4">
      <Breadcrumb
        currentPageLabel="Nouveau compte"
        segments={[{ label: 'Comptes', linkProps: { href: '/comptes' } }]}
      />
      <h1>Nouveau compte</h1>
      {refused ? (
        <RefusalOrError error={error} />
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
