import { useMemo, useState } from 'react';
import { count } from '../../lib/format.ts';
import { ErrorText, Input, RadioGroup, Upload } from '../../ui/index.ts';
import type { CampaignDraft } from './draft.ts';
import { parseRecipientList } from './recipientList.ts';

/** Server messages on `destinataires.N.x`, said with the address they concern. */
function recipientErrors(errors: Record<string, string>, emails: string[]): string[] {
  return Object.entries(errors)
    .filter(([k]) => k.startsWith('destinataires'))
    .map(([k, message]) => {
      const index = Number(k.split('.')[1]);
      const email = Number.isInteger(index) ? emails[index] : undefined;
      return email ? `${email} : ${message}` : message;
    });
}

/** Who receives the campaign: the registry's contacts in scope, or a list typed, pasted or read from a file. */
export function RecipientFields({
  draft,
  onChange,
  errors,
}: {
  draft: CampaignDraft;
  onChange: (d: CampaignDraft) => void;
  errors: Record<string, string>;
}) {
  const [fileNote, setFileNote] = useState<string | null>(null);
  const parsed = useMemo(() => parseRecipientList(draft.recipientText), [draft.recipientText]);
  const fromServer = recipientErrors(
    errors,
    parsed.recipients.map((r) => r.email),
  );
  return (
    <section aria-labelledby="titre-destinataires" className="u-mt-4" id="champ-destinataires" tabIndex={-1}>
      <h2 id="titre-destinataires" className="u-h4">
        Destinataires
      </h2>
      <RadioGroup
        legend="D’où viennent les destinataires ?"
        name="source-destinataires"
        options={[
          {
            label: 'Les contacts du registre',
            hintText:
              'Chaque adresse de contact des dynamiques du périmètre reçoit un lien pour toutes les dynamiques qui la citent.',
            nativeInputProps: {
              checked: draft.source === 'registre',
              onChange: () => onChange({ ...draft, source: 'registre' }),
            },
          },
          {
            label: 'Une liste saisie ou un fichier CSV',
            nativeInputProps: {
              checked: draft.source === 'liste',
              onChange: () => onChange({ ...draft, source: 'liste' }),
            },
          },
        ]}
      />
      {draft.source === 'liste' && (
        <>
          <Input
            label="Liste des destinataires"
            hintText="Une personne par ligne : adresse;nom;identifiants des dynamiques séparés par des virgules (nom et dynamiques facultatifs)"
            textArea
            nativeTextAreaProps={{
              id: 'liste-destinataires',
              rows: 6,
              value: draft.recipientText,
              placeholder: 'coordination@ville.fr;Camille Martin;id-dynamique-1,id-dynamique-2',
              onChange: (e) => onChange({ ...draft, recipientText: e.target.value }),
            }}
          />
          <Upload
            label="Ou lire un fichier CSV"
            hint="Même règle : colonnes séparées par des points-virgules ; une première ligne de titres est ignorée"
            nativeInputProps={{
              accept: '.csv,text/csv,text/plain',
              onChange: async (e) => {
                const file = e.target.files?.[0];
                if (!file) return;
                const text = await file.text();
                onChange({ ...draft, recipientText: text });
                setFileNote(`Fichier « ${file.name} » lu : vérifiez la liste ci-dessus.`);
              },
            }}
          />
          <output className="odts-block u-mt-1" aria-live="polite">
            {fileNote && <span className="odts-block">{fileNote}</span>}
            {count(parsed.recipients.length, 'destinataire reconnu', 'destinataires reconnus')}
            {parsed.problems.length > 0 &&
              ` — ${count(parsed.problems.length, 'ligne à corriger', 'lignes à corriger')}`}
          </output>
          {parsed.problems.length > 0 && (
            <ul className="odts-problems">
              {parsed.problems.map((p) => (
                <li key={p.ligne}>
                  <ErrorText as="span">
                    Ligne {p.ligne} : {p.message}
                  </ErrorText>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {fromServer.map((m) => (
        <ErrorText key={m}>Destinataires : {m}</ErrorText>
      ))}
    </section>
  );
}
