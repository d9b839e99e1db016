import { TERRITORY_TYPE_LABELS, type TerritoryType } from '@domain/territories/types.ts';
import { useState } from 'react';
import { getJson } from '../../api/client.ts';
import type { TerritoryDetail, TerritoryItem } from '../../api/types.ts';
import { TerritorySearch } from '../../components/TerritorySearch.tsx';
import { useTerritoryName } from '../../lib/useTerritoryName.ts';
import { Button, DismissibleTag, ErrorText, Fieldset, FieldsetItem, TagGroup } from '../../ui/index.ts';
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
      <DismissibleTag ariaLabel={`Retirer ${label} du périmètre`} onDismiss={onRemove}>
        {label}
      </DismissibleTag>
    </li>
  );
}

interface Props {
  value: PerimeterDraft;
  onChange: (p: PerimeterDraft) => void;
  error?: string | undefined;
  /** Several pickers on one page keep their ids apart. */
  idPrefix?: string;
  /** Appended to the legend: « — CLS de Tulle ». */
  of?: string;
}

/**
 * Perimeter as entered: communes, whole EPCI, départements or QPV found by name. After choosing a
 * commune, its EPCI can be added whole in one click (the server expands it to its communes).
 */
export function PerimeterPicker({ value, onChange, error, idPrefix = 'champ', of = '' }: Props) {
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
    <Fieldset
      error={Boolean(error)}
      id={`${idPrefix}-perimetre`}
      legendId={`${idPrefix}-perimetre-legende`}
      legend={`Périmètre${of}`}
      hint="Communes, intercommunalités, départements ou QPV"
    >
      <FieldsetItem>
        {parts.length === 0 ? (
          <p className="odts-empty u-my-1">Aucun territoire dans le périmètre.</p>
        ) : (
          <TagGroup ariaLabel="Territoires du périmètre">
            {parts.map(({ part, code }) => (
              <Chosen
                key={`${part}:${code}`}
                type={TYPE_OF[part]}
                code={code}
                onRemove={() => remove(part, code)}
              />
            ))}
          </TagGroup>
        )}
      </FieldsetItem>
      <FieldsetItem>
        <TerritorySearch
          label="Ajouter un territoire"
          hint="Nom ou code d’une commune, d’une intercommunalité, d’un département ou d’un QPV"
          onSelect={onSelect}
        />
        {epciOfLast && !value.epci.includes(epciOfLast.code) && (
          <Button
            type="button"
            priority="secondary"
            size="small"
            iconId="add-line"
            onClick={() => {
              add('epci', epciOfLast.code, epciOfLast.nom);
              setEpciOfLast(null);
            }}
          >
            Ajouter toute l’intercommunalité : {epciOfLast.nom}
          </Button>
        )}
      </FieldsetItem>
      {error && (
        <div aria-live="polite">
          <ErrorText id={idPrefix === 'champ' ? 'perimetre-erreur' : `${idPrefix}-perimetre-erreur`}>
            {error}
          </ErrorText>
        </div>
      )}
      <output className="u-sr-only" aria-live="polite">
        {notice}
      </output>
    </Fieldset>
  );
}
