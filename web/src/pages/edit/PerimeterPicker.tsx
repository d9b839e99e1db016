import { TERRITORY_TYPE_LABELS, type TerritoryType } from '@domain/territories/types.ts';
import { useState } from 'react';
import { getJson } from '../../api/client.ts';
import type { TerritoryDetail, TerritoryItem } from '../../api/types.ts';
import { TerritorySearch } from '../../components/TerritorySearch.tsx';
import { useTerritoryName } from '../../lib/useTerritoryName.ts';
import type { PerimeterDraft } from './draft.ts';

type Part = keyof PerimeterDraft;

const PART_OF: Partial<Record<TerritoryType, Part>> = {
  commune: 'communes',
  epci: 'epci',
  departement: 'departements',
  qpv: 'qpv',
};

const TYPE_OF: Record<Part, TerritoryType> = {
  communes: 'commune',
  epci: 'epci',
  departements: 'departement',
  qpv: 'qpv',
};

function Chosen({ type, code, onRemove }: { type: TerritoryType; code: string; onRemove: () => void }) {
  const name = useTerritoryName(type, code);
  const label = `${name ?? code} (${TERRITORY_TYPE_LABELS[type].toLowerCase()} ${code})`;
  return (
    <li>
      <button
        type="button"
        className="fr-tag fr-tag--dismiss"
        aria-label={`Retirer ${label} du périmètre`}
        onClick={onRemove}
      >
        {label}
      </button>
    </li>
  );
}

interface Props {
  value: PerimeterDraft;
  onChange: (p: PerimeterDraft) => void;
  error?: string | undefined;
}

/**
 * Perimeter as entered: communes, whole EPCI, départements or QPV found by name. After choosing a
 * commune, its EPCI can be added whole in one click (the server expands it to its communes).
 */
export function PerimeterPicker({ value, onChange, error }: Props) {
  const [epciOfLast, setEpciOfLast] = useState<{ code: string; nom: string } | null>(null);
  const [notice, setNotice] = useState('');

  const add = (type: TerritoryType, code: string, nom: string) => {
    const part = PART_OF[type];
    if (!part) {
      setNotice(`Un(e) ${TERRITORY_TYPE_LABELS[type].toLowerCase()} ne peut pas former un périmètre.`);
      return;
    }
    if (value[part].includes(code)) {
      setNotice(`${nom} fait déjà partie du périmètre.`);
      return;
    }
    onChange({ ...value, [part]: [...value[part], code] });
    setNotice(`${nom} ajouté au périmètre.`);
  };

  const remove = (part: Part, code: string) =>
    onChange({ ...value, [part]: value[part].filter((c) => c !== code) });

  const onSelect = (item: TerritoryItem) => {
    add(item.type, item.code, item.nom);
    setEpciOfLast(null);
    if (item.type !== 'commune') return;
    getJson<TerritoryDetail>(`/api/territoires/commune/${item.code}`).then(
      (t) => {
        const epci = t.parents.find((p) => p.type === 'epci');
        setEpciOfLast(epci ? { code: epci.code, nom: epci.nom } : null);
      },
      () => setEpciOfLast(null),
    );
  };

  const parts = (Object.keys(TYPE_OF) as Part[]).flatMap((part) =>
    value[part].map((code) => ({ part, code })),
  );
  return (
    <fieldset
      className={`fr-fieldset${error ? ' fr-fieldset--error' : ''}`}
      id="champ-perimetre"
      aria-labelledby="perimetre-legende"
    >
      <legend id="perimetre-legende" className="fr-fieldset__legend">
        Périmètre <span className="fr-hint-text">Communes, intercommunalités, départements ou QPV</span>
      </legend>
      <div className="fr-fieldset__element">
        {parts.length === 0 ? (
          <p className="odts-empty fr-my-1w">Aucun territoire dans le périmètre.</p>
        ) : (
          <ul className="fr-tags-group" aria-label="Territoires du périmètre">
            {parts.map(({ part, code }) => (
              <Chosen
                key={`${part}:${code}`}
                type={TYPE_OF[part]}
                code={code}
                onRemove={() => remove(part, code)}
              />
            ))}
          </ul>
        )}
      </div>
      <div className="fr-fieldset__element">
        <TerritorySearch
          label="Ajouter un territoire"
          hint="Nom ou code d’une commune, d’une intercommunalité, d’un département ou d’un QPV"
          onSelect={onSelect}
        />
        {epciOfLast && !value.epci.includes(epciOfLast.code) && (
          <button
            type="button"
            className="fr-btn fr-btn--secondary fr-btn--sm fr-btn--icon-left fr-icon-add-line"
            onClick={() => {
              add('epci', epciOfLast.code, epciOfLast.nom);
              setEpciOfLast(null);
            }}
          >
            Ajouter toute l’intercommunalité : {epciOfLast.nom}
          </button>
        )}
      </div>
      {error && (
        <div className="fr-messages-group" aria-live="polite">
          <p className="fr-message fr-message--error" id="perimetre-erreur">
            {error}
          </p>
        </div>
      )}
      <output className="fr-sr-only" aria-live="polite">
        {notice}
      </output>
    </fieldset>
  );
}
