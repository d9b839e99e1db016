import type { CampaignField } from '@domain/campaigns/vocabulary.ts';
import {
  CARRIER_TYPES,
  DYNAMIC_KIND_LABELS,
  type DynamicKind,
  STATUS_LABELS,
  STATUSES,
} from '@domain/registry/kinds.ts';
import type { DynamicInput } from '@domain/registry/schemas.ts';
import { CARRIER_LABELS } from '../../lib/labels.ts';
import { Input, RadioGroup, Select, Textarea } from '../../ui/index.ts';
import { errorState, type FieldErrors, messageFor } from '../edit/fieldErrors.ts';
import { ContactsEditor, CoordinationEditor } from '../edit/PeopleEditors.tsx';
import { PerimeterPicker } from '../edit/PerimeterPicker.tsx';
import type { DynamicDraft } from './answerDraft.ts';

const DECISION_CHOICES = {
  confirmee: 'Je confirme la fiche telle quelle',
  corrigee: 'Je corrige la fiche',
  arretee: 'La dynamique s’est arrêtée',
} as const;

interface Props {
  index: number;
  draft: DynamicDraft;
  fiche: DynamicInput;
  type: string;
  territoires: string;
  champs: readonly CampaignField[];
  readOnly: boolean;
  errors: FieldErrors;
  onChange: (d: DynamicDraft) => void;
}

function Summary({ fiche, territoires }: { fiche: DynamicInput; territoires: string }) {
  const p = fiche.perimetre;
  const perimeter = [
    p.communes.length ? `${p.communes.length} commune(s)` : '',
    p.epci.length ? `${p.epci.length} intercommunalité(s)` : '',
    p.departements.length ? `${p.departements.length} département(s)` : '',
    p.qpv.length ? `${p.qpv.length} quartier(s) prioritaire(s)` : '',
  ].filter(Boolean);
  return (
    <dl className="odts-answer-summary">
      <dt>Territoire</dt>
      <dd>{territoires || '—'}</dd>
      <dt>Statut enregistré</dt>
      <dd>{fiche.statut ? STATUS_LABELS[fiche.statut] : 'déduit des événements datés'}</dd>
      <dt>Structure porteuse</dt>
      <dd>{fiche.porteur?.nom ?? 'non renseignée'}</dd>
      <dt>Périmètre</dt>
      <dd>{perimeter.join(', ') || 'à préciser'}</dd>
      <dt>Coordination</dt>
      <dd>{fiche.coordination.map((c) => c.intitule).join(', ') || 'aucun poste renseigné'}</dd>
      <dt>Contacts</dt>
      <dd>{fiche.contacts.map((c) => c.nom).join(', ') || 'aucun'}</dd>
    </dl>
  );
}

/** One of the person's dynamics: the record as it stands, then confirm, correct or declare a stop. */
export function DynamicCard({
  index,
  draft,
  fiche,
  type,
  territoires,
  champs,
  readOnly,
  errors,
  onChange,
}: Props) {
  const prefix = `dynamiques.${index}`;
  const err = (path: string) =>
    messageFor(errors, `${prefix}.${path}`) ?? messageFor(errors, `dynamiques.${draft.id}`);
  const touch = (field: CampaignField, patch: Partial<DynamicDraft>) =>
    onChange({
      ...draft,
      ...patch,
      touched: draft.touched.includes(field) ? draft.touched : [...draft.touched, field],
    });
  const asks = (f: CampaignField) => champs.includes(f);
  const name = `decision-${draft.id}`;
  return (
    <section className="odts-answer-card" aria-labelledby={`fiche-${draft.id}`}>
      <h2 id={`fiche-${draft.id}`} className="u-h4">
        {fiche.nom}
      </h2>
      <p className="u-text-sm">{DYNAMIC_KIND_LABELS[type as DynamicKind] ?? type}</p>
      <Summary fiche={fiche} territoires={territoires} />
      <RadioGroup
        id={`champ-${prefix}-decision`}
        legend={`Votre réponse pour « ${fiche.nom} »`}
        name={name}
        state={err('decision') ? 'error' : 'default'}
        stateRelatedMessage={err('decision')}
        options={(['confirmee', 'corrigee', 'arretee'] as const).map((d) => {
          const label = DECISION_CHOICES[d];
          return {
            label,
            nativeInputProps: {
              value: d,
              checked: draft.decision === d,
              disabled: readOnly,
              onChange: () => onChange({ ...draft, decision: d }),
              // The visible words first, then which record: each radio is told apart on a page of several.
              'aria-label': `${label} — ${fiche.nom}`,
            },
          };
        })}
      />
      {draft.decision === 'arretee' && (
        <Input
          label="Date de l’arrêt"
          nativeInputProps={{
            id: `champ-${prefix}-arret`,
            type: 'date',
            value: draft.arret,
            disabled: readOnly,
            onChange: (e) => onChange({ ...draft, arret: e.target.value }),
          }}
          {...errorState(err('arret'))}
        />
      )}
      {draft.decision === 'corrigee' && (
        <div className="odts-answer-fields">
          {asks('nom') && (
            <Input
              label="Nom de la dynamique"
              nativeInputProps={{
                id: `champ-${prefix}-proposition-nom`,
                value: draft.nom,
                disabled: readOnly,
                onChange: (e) => touch('nom', { nom: e.target.value }),
              }}
              {...errorState(err('proposition.nom'))}
            />
          )}
          {asks('statut') && (
            <>
              <Select
                label="Statut"
                nativeSelectProps={{
                  id: `champ-${prefix}-proposition-statut`,
                  value: draft.statut,
                  disabled: readOnly,
                  onChange: (e) => touch('statut', { statut: e.target.value as DynamicDraft['statut'] }),
                }}
                {...errorState(err('proposition.statut'))}
              >
                <option value="">Choisir</option>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABELS[s]}
                  </option>
                ))}
              </Select>
              <Input
                label="Depuis le"
                hintText="Date à laquelle ce statut a pris effet"
                nativeInputProps={{
                  id: `champ-${prefix}-proposition-statut-date`,
                  type: 'date',
                  value: draft.statutDate,
                  disabled: readOnly,
                  onChange: (e) => touch('statut', { statutDate: e.target.value }),
                }}
              />
            </>
          )}
          {asks('porteur') && (
            <>
              <Input
                label="Structure porteuse"
                nativeInputProps={{
                  id: `champ-${prefix}-proposition-porteur`,
                  value: draft.porteurNom,
                  disabled: readOnly,
                  onChange: (e) => touch('porteur', { porteurNom: e.target.value }),
                }}
                {...errorState(err('proposition.porteur'))}
              />
              <Select
                label="Type de structure porteuse"
                nativeSelectProps={{
                  value: draft.porteurType,
                  disabled: readOnly,
                  onChange: (e) => touch('porteur', { porteurType: e.target.value }),
                }}
              >
                <option value="">Choisir</option>
                {CARRIER_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {CARRIER_LABELS[t]}
                  </option>
                ))}
              </Select>
            </>
          )}
          {asks('dateDebut') && (
            <Input
              label="Date de début"
              nativeInputProps={{
                type: 'date',
                value: draft.dateDebut,
                disabled: readOnly,
                onChange: (e) => touch('dateDebut', { dateDebut: e.target.value }),
              }}
              {...errorState(err('proposition.dateDebut'))}
            />
          )}
          {asks('dateFin') && (
            <Input
              label="Date de fin"
              nativeInputProps={{
                type: 'date',
                value: draft.dateFin,
                disabled: readOnly,
                onChange: (e) => touch('dateFin', { dateFin: e.target.value }),
              }}
              {...errorState(err('proposition.dateFin'))}
            />
          )}
          {asks('perimetre') && !readOnly && (
            <PerimeterPicker
              value={draft.perimetre}
              onChange={(perimetre) => touch('perimetre', { perimetre })}
              error={err('proposition.perimetre')}
              idPrefix={`champ-${prefix}`}
              of={` — ${fiche.nom}`}
            />
          )}
          {asks('coordination') && !readOnly && (
            <CoordinationEditor
              rows={draft.coordination}
              onChange={(coordination) => touch('coordination', { coordination })}
              errors={{}}
              idPrefix={`champ-${prefix}`}
              of={` — ${fiche.nom}`}
            />
          )}
          {asks('contacts') && !readOnly && (
            <ContactsEditor
              rows={draft.contacts}
              onChange={(contacts) => touch('contacts', { contacts })}
              errors={{}}
              idPrefix={`champ-${prefix}`}
              of={` — ${fiche.nom}`}
            />
          )}
        </div>
      )}
      {draft.decision && (
        <Textarea
          label="Commentaire (facultatif)"
          nativeTextAreaProps={{
            id: `champ-${prefix}-commentaire`,
            value: draft.commentaire,
            disabled: readOnly,
            rows: 2,
            onChange: (e) => onChange({ ...draft, commentaire: e.target.value }),
          }}
        />
      )}
    </section>
  );
}
