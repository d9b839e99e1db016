import { requestJson } from '../../api/client.ts';
import { Link } from '../../router/Link.tsx';
import { Button } from '../../ui/index.ts';
import type { Me } from './accountApi.ts';
import { MyDataExport } from './DataExport.tsx';
import { roleLabel } from './labels.ts';
import { PasswordChangeForm } from './PasswordChangeForm.tsx';
import { TokensPanel } from './TokensPanel.tsx';

/** « Mon compte »: who is signed in, what the role allows, password, personal data, tokens. */
export function MyAccount({ me }: { me: Me }) {
  async function logout() {
    await requestJson('/api/auth/deconnexion', { method: 'POST' }).catch(() => {});
    window.location.assign('/');
  }
  const may = (p: string) => me.permissions.includes(p);
  return (
    <>
      <p>
        Vous êtes connecté·e en tant que <strong>{me.email}</strong> (rôle : {roleLabel(me.role)}
        {me.regions.length > 0 ? `, régions ${me.regions.join(', ')}` : ''}).
      </p>
      {(may('audit') || may('comptes')) && (
        <ul>
          {may('audit') && (
            <li>
              <Link href="/journal">Journal des modifications</Link> : qui a changé quoi, quand, et d’où.
            </li>
          )}
          {may('comptes') && (
            <li>
              <Link href="/comptes">Gérer les comptes et les jetons</Link>
            </li>
          )}
        </ul>
      )}
      <Button priority="secondary" onClick={() => void logout()}>
        Se déconnecter
      </Button>
      <PasswordChangeForm />
      <MyDataExport />
      {may('comptes') && <TokensPanel />}
    </>
  );
}
