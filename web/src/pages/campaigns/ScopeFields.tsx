import type { TerritoryType } from '@domain/territories/types.ts';
import { useState } from 'react';
import { TerritorySearch } from '../../components/TerritorySearch.tsx';
import { useTerritoryName } from '../../lib/useTerritoryName.ts';
import { DismissibleTag, ErrorText, RadioGroup, TagGroup } from '../../ui/index.ts';
import type { CampaignDraft } from './draft.ts';

function TerritoryTag({ type, code, onRemove }: { type: TerritoryType; code: string; onRemove: () => void }) {
  const name = useTerritoryName(type, code);
  const label = name ? `${name} (${code})` : code;
  return (
    <li>
      <DismissibleTag ariaLabel={`Retirer ${label}`} onDismiss={onRemove}>
        {label}
      </DismissibleTag>
    </li>
  );
}

/** Scope of a campaign: one whole région, or départements chosen by name. */
export function ScopeFields({
  draft,
  onChange,
  errors,
}: {
  draft: CampaignDraft;
  onChange: (d: CampaignDraft) => void;
  errors: Record<string, string>;
}) {
  // Re-mounting the search after a choice empties it for the next one.
  const [round, setRound] = useState(0);
  const depError = Object.entries(errors).find(([k]) => k.startsWith('departements'))?.[1];
  const regionError = errors.region;
  const type: TerritoryType = draft.scope === 'region' ? 'region' : 'departement';
  const chosen = draft.scope === 'region' ? (draft.region ? [draft.region] : []) : draft.departements;
  return (
    <div id="champ-region" tabIndex={-1} className="u-mb-3">
      <RadioGroup
        legend="Périmètre"
        name="perimetre-campagne"
        orientation="horizontal"
        options={[
          {
            label: 'Des départements',
            nativeInputProps: {
              checked: draft.scope === 'departements',
              onChange: () => onChange({ ...draft, scope: 'departements' }),
            },
          },
          {
            label: 'Toute une région',
            nativeInputProps: {
              checked: draft.scope === 'region',
              onChange: () => onChange({ ...draft, scope: 'region' }),
            },
          },
        ]}
      />
      <div id="champ-departements" tabIndex={-1}>
        <TerritorySearch
          key={`${type}-${round}`}
          label={draft.scope === 'region' ? 'Région' : 'Ajouter un département'}
          hint="Saisissez au moins deux lettres du nom ou le code"
          type={type}
          onSelect={(t) => {
            if (draft.scope === 'region') onChange({ ...draft, region: t.code });
            else if (!draft.departements.includes(t.code))
              onChange({ ...draft, departements: [...draft.departements, t.code] });
            setRound(round + 1);
          }}
        />
      </div>
      {chosen.length > 0 ? (
        <TagGroup
          ariaLabel={draft.scope === 'region' ? 'Région choisie' : 'Départements choisis'}
          className="u-mt-2"
        >
          {chosen.map((code) => (
            <TerritoryTag
              key={code}
              type={type}
              code={code}
              onRemove={() =>
                draft.scope === 'region'
                  ? onChange({ ...draft, region: null })
                  : onChange({ ...draft, departements: draft.departements.filter((c) => c !== code) })
              }
            />
          ))}
        </TagGroup>
      ) : (
        <p className="u-text-sm u-mt-2">
          {draft.scope === 'region' ? 'Aucune région choisie.' : 'Aucun département choisi.'}
        </p>
      )}
      {regionError && <ErrorText>Périmètre : {regionError}</ErrorText>}
      {depError && <ErrorText>Départements : {depError}</ErrorText>}
    </div>
  );
}
