import { useApi } from '../../api/useApi.ts';
import { Loading } from '../../components/StateViews.tsx';
import { count } from '../../lib/format.ts';
import { useTitle } from '../../lib/useTitle.ts';
import { Link } from '../../router/Link.tsx';
import { Badge, ButtonLink, Table } from '../../ui/index.ts';
import type { Account } from './accountApi.ts';
import { formatMoment, roleLabel } from './labels.ts';
import { RefusalOrError } from './Refusal.tsx';
import { RegionNames } from './RegionNames.tsx';
import { TokensPanel } from './TokensPanel.tsx';

function AccountRow({ a }: { a: Account }) {
  return (
    <tr>
      <th scope="row">
        <Link href={`/comptes/${encodeURIComponent(a.id)}`}>{a.email}</Link>
        {a.nom && <span className="u-text-sm odts-block">{a.nom}</span>}
      </th>
      <td>{roleLabel(a.role)}</td>
      <td>
        <RegionNames codes={a.regions} />
      </td>
      <td>
        <Badge small noIcon severity={a.actif ? 'success' : 'warning'}>
          {a.actif ? 'actif' : 'désactivé'}
        </Badge>
      </td>
      <td>{formatMoment(a.derniereConnexion)}</td>
    </tr>
  );
}

/** /comptes: the administrators' list of accounts and the API tokens. */
export default function AccountsPage() {
  useTitle('Comptes');
  const accounts = useApi<{ total: number; items: Account[] }>('/api/utilisateurs');
  return (
    <div className="u-my-4">
      <h1>Comptes</h1>
      {accounts.status === 'loading' && <Loading />}
      {accounts.status === 'error' && <RefusalOrError error={accounts.error} onRetry={accounts.reload} />}
      {accounts.status === 'ok' && (
        <>
          <p>
            {count(accounts.data.total, 'compte')}. Un compte désactivé ne peut plus se connecter ; son
            historique reste dans le journal.
          </p>
          <ButtonLink href="/comptes/nouveau" iconId="add-line">
            Créer un compte
          </ButtonLink>{' '}
          <ButtonLink href="/boite-envoi" priority="secondary">
            Boîte d’envoi
          </ButtonLink>
          <Table className="u-mt-4">
            <caption>Comptes de la plateforme</caption>
            <thead>
              <tr>
                <th scope="col">Compte</th>
                <th scope="col">Rôle</th>
                <th scope="col">Régions</th>
                <th scope="col">État</th>
                <th scope="col">Dernière connexion</th>
              </tr>
            </thead>
            <tbody>
              {accounts.data.items.map((a) => (
                <AccountRow key={a.id} a={a} />
              ))}
            </tbody>
          </Table>
          <TokensPanel />
        </>
      )}
    </div>
  );
}
