import { DYNAMIC_KIND_LABELS, type DynamicKind } from '@domain/registry/kinds.ts';
import { useState } from 'react';
import { requestJson } from '../../api/client.ts';
import { count } from '../../lib/format.ts';
import { Link } from '../../router/Link.tsx';
import { Alert, Button, Input } from '../../ui/index.ts';
import { asApiError } from '../accounts/accountApi.ts';
import { type Campaign, campaignPaths, jsonBody } from './campaignApi.ts';

type Uncovered = Campaign['dynamiquesSansDestinataire'][number];

/** Adds one recipient for a dynamic nobody would be asked about. */
function AddRecipient({
  campaignId,
  d,
  onAdded,
}: {
  campaignId: string;
  d: Uncovered;
  onAdded: (email: string) => void;
}) {
  const [email, setEmail] = useState('');
  const [nom, setNom] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const add = async () => {
    setBusy(true);
    setError(null);
    try {
      await requestJson(
        `${campaignPaths.api(campaignId)}/destinataires`,
        jsonBody({ destinataires: [{ email: email.trim(), nom: nom.trim() || null, dynamiques: [d.id] }] }),
      );
      onAdded(email.trim());
    } catch (e) {
      const err = asApiError(e);
      setError(Object.values(err.champs)[0] ?? err.message);
      setBusy(false);
    }
  };
  return (
    <form
      className="odts-inline-form"
      aria-label={`Ajouter un destinataire pour ${d.nom}`}
      onSubmit={(e) => {
        e.preventDefault();
        void add();
      }}
    >
      <Input
        label="Adresse électronique"
        state={error ? 'error' : 'default'}
        stateRelatedMessage={error}
        nativeInputProps={{
          type: 'email',
          value: email,
          onChange: (e) => setEmail(e.target.value),
          autoComplete: 'off',
        }}
      />
      <Input
        label="Nom (facultatif)"
        nativeInputProps={{ value: nom, onChange: (e) => setNom(e.target.value) }}
      />
      <Button type="submit" size="small" disabled={busy || email.trim() === ''}>
        Ajouter ce destinataire
      </Button>
    </form>
  );
}

/** Dynamics in scope with no contact address: nobody would be asked, unless a recipient is added. */
export function UncoveredPanel({ campaign, onChanged }: { campaign: Campaign; onChanged: () => void }) {
  const [added, setAdded] = useState<string | null>(null);
  const list = campaign.dynamiquesSansDestinataire;
  return (
    <section aria-labelledby="titre-sans-destinataire" className="u-mt-4">
      <h2 id="titre-sans-destinataire">Dynamiques sans destinataire</h2>
      {added && (
        <output className="odts-block">
          <Alert severity="success" small description={`${added} ajouté aux destinataires.`} />
        </output>
      )}
      {list.length === 0 ? (
        <p>Chaque dynamique du périmètre a au moins un destinataire.</p>
      ) : (
        <>
          <p>
            {count(list.length, 'dynamique du périmètre n’a', 'dynamiques du périmètre n’ont')} aucune adresse
            de contact dans le registre : ajoutez quelqu’un à qui la soumettre.
          </p>
          <ul className="odts-uncovered">
            {list.map((d) => (
              <li key={d.id}>
                <p className="u-mb-1">
                  <Link href={`/dynamiques/${encodeURIComponent(d.id)}`}>{d.nom}</Link>{' '}
                  <span className="odts-muted">({DYNAMIC_KIND_LABELS[d.type as DynamicKind] ?? d.type})</span>
                </p>
                {campaign.etat !== 'close' && (
                  <AddRecipient
                    campaignId={campaign.id}
                    d={d}
                    onAdded={(email) => {
                      setAdded(email);
                      onChanged();
                    }}
                  />
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
