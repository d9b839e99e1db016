import { useState } from 'react';
import { Alert, Button } from '../../ui/index.ts';
import { type Account, asApiError, downloadJson } from './accountApi.ts';

type ExportState = { kind: 'idle' | 'busy' | 'done' | 'absent' } | { kind: 'error'; message: string };

/** A button saving personal data as a JSON file, saying plainly when the server offers no such export. */
function JsonExport({ url, fileName, label }: { url: string; fileName: string; label: string }) {
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  async function run() {
    setState({ kind: 'busy' });
    try {
      setState({ kind: (await downloadJson(url, fileName)) === 'ok' ? 'done' : 'absent' });
    } catch (e) {
      setState({ kind: 'error', message: asApiError(e).message });
    }
  }
  return (
    <>
      <Button priority="secondary" iconId="download-line" disabled={state.kind === 'busy'} onClick={run}>
        {state.kind === 'busy' ? 'Préparation du fichier…' : label}
      </Button>
      <div aria-live="polite" className="u-mt-2">
        {state.kind === 'done' && (
          <Alert severity="success" small description={`Fichier ${fileName} enregistré.`} />
        )}
        {state.kind === 'absent' && (
          <Alert
            severity="info"
            small
            description="Cette plateforme ne propose pas encore l’export des données personnelles : adressez votre demande à un administrateur."
          />
        )}
        {state.kind === 'error' && <Alert severity="error" small description={state.message} />}
      </div>
    </>
  );
}

/** « Mes données »: everything the platform holds about the signed-in person. */
export function MyDataExport() {
  return (
    <section aria-labelledby="mes-donnees" className="u-mt-6">
      <h2 id="mes-donnees">Mes données</h2>
      <p>
        Téléchargez, au format JSON, les données personnelles que la plateforme conserve à votre sujet
        (compte, jetons, modifications que vous avez faites).
      </p>
      <JsonExport url="/api/moi/donnees" fileName="mes-donnees.json" label="Télécharger mes données" />
    </section>
  );
}

/** An administrator answers a person's access request for an account. */
export function AccountExport({ account }: { account: Account }) {
  return (
    <section aria-labelledby="donnees-compte" className="u-mt-6">
      <h2 id="donnees-compte">Données de ce compte</h2>
      <p>Pour répondre à une demande d’accès : les données personnelles liées à ce compte, au format JSON.</p>
      <JsonExport
        url={`/api/utilisateurs/${encodeURIComponent(account.id)}/donnees`}
        fileName={`donnees-compte-${account.id}.json`}
        label="Télécharger les données de ce compte"
      />
    </section>
  );
}
