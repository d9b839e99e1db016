import { useState } from 'react';
import { requestJson } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { Empty, Loading } from '../../components/StateViews.tsx';
import { Alert, Badge, Button, ErrorText, Table } from '../../ui/index.ts';
import { asApiError, type CreatedToken, type Token } from './accountApi.ts';
import { formatMoment, roleLabel } from './labels.ts';
import { NewToken } from './NewToken.tsx';
import { RefusalOrError } from './Refusal.tsx';
import { RegionNames } from './RegionNames.tsx';
import { TokenCreateForm } from './TokenCreateForm.tsx';

/** Revoking asks once more, on the row itself, naming the token. */
function RevokeCell({ token, onRevoked }: { token: Token; onRevoked: (message: string) => void }) {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function revoke() {
    setError(null);
    try {
      await requestJson(`/api/jetons/${encodeURIComponent(token.id)}`, { method: 'DELETE' });
      onRevoked(`Jeton « ${token.libelle} » révoqué : les scripts qui l’utilisent sont désormais refusés.`);
    } catch (e) {
      setError(asApiError(e).message);
    }
  }
  if (token.revoque) return <>—</>;
  if (!asking)
    return (
      <Button size="small" priority="secondary" onClick={() => setAsking(true)}>
        Révoquer<span className="u-sr-only"> le jeton {token.libelle}</span>
      </Button>
    );
  return (
    <fieldset>
      <legend className="u-text-sm">
        Révoquer « {token.libelle} » ? Les scripts qui l’utilisent seront refusés.
      </legend>
      <Button size="small" onClick={revoke}>
        Confirmer la révocation
      </Button>{' '}
      <Button size="small" priority="tertiary" onClick={() => setAsking(false)}>
        Annuler
      </Button>
      {error && <ErrorText>{error}</ErrorText>}
    </fieldset>
  );
}

/** API tokens: the list, a creation form whose secret is shown once, revocation with confirmation. */
export function TokensPanel() {
  const tokens = useApi<{ total: number; items: Token[] }>('/api/jetons');
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <section aria-labelledby="jetons" className="u-mt-6">
      <h2 id="jetons">Jetons d’API</h2>
      <p>
        Les scripts (imports, exports réguliers) s’authentifient avec un jeton ; chacun agit avec un rôle.
      </p>
      {created && (
        <NewToken
          token={created}
          onDone={() => {
            setCreated(null);
          }}
        />
      )}
      <div aria-live="polite">{notice && <Alert severity="success" small description={notice} />}</div>
      {tokens.status === 'loading' && <Loading label="Chargement des jetons…" />}
      {tokens.status === 'error' && <RefusalOrError error={tokens.error} onRetry={tokens.reload} />}
      {tokens.status === 'ok' &&
        (tokens.data.items.length === 0 ? (
          <Empty>Aucun jeton pour l’instant.</Empty>
        ) : (
          <Table>
            <caption>Jetons existants</caption>
            <thead>
              <tr>
                <th scope="col">Libellé</th>
                <th scope="col">Rôle</th>
                <th scope="col">Régions</th>
                <th scope="col">Créé le</th>
                <th scope="col">État</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.items.map((t) => (
                <tr key={t.id}>
                  <th scope="row">{t.libelle}</th>
                  <td>{roleLabel(t.role)}</td>
                  <td>
                    <RegionNames codes={t.regions} />
                  </td>
                  <td>{formatMoment(t.creeLe)}</td>
                  <td>
                    <Badge small noIcon severity={t.revoque ? 'error' : 'success'}>
                      {t.revoque ? 'révoqué' : 'actif'}
                    </Badge>
                  </td>
                  <td>
                    <RevokeCell
                      token={t}
                      onRevoked={(m) => {
                        setNotice(m);
                        tokens.reload();
                      }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        ))}
      {tokens.status !== 'error' && (
        <TokenCreateForm
          onCreated={(t) => {
            setNotice(null);
            setCreated(t);
            tokens.reload();
          }}
        />
      )}
    </section>
  );
}
