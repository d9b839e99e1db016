import { useState } from 'react';
import { TerritorySearch } from '../../components/TerritorySearch.tsx';
import { useTerritoryName } from '../../lib/useTerritoryName.ts';
import { DismissibleTag, ErrorText, TagGroup } from '../../ui/index.ts';

function RegionTag({ code, onRemove }: { code: string; onRemove: () => void }) {
  const name = useTerritoryName('region', code);
  const label = name ? `${name} (${code})` : code;
  return (
    <li>
      <DismissibleTag ariaLabel={`Retirer la région ${label}`} onDismiss={onRemove}>
        {label}
      </DismissibleTag>
    </li>
  );
}

/** Régions of an account or a token: chosen by name, each shown as a tag that removes itself. */
export function RegionPicker({
  value,
  onChange,
  error,
  hint,
  id = 'champ-regions',
}: {
  value: string[];
  onChange: (codes: string[]) => void;
  error?: string | undefined;
  hint?: string;
  /** Id of the group, which an error summary links to. */
  id?: string;
}) {
  // Re-mounting the search after a choice empties it for the next région.
  const [round, setRound] = useState(0);
  return (
    <div className="u-mb-4" id={id} tabIndex={-1}>
      <TerritorySearch
        key={round}
        label="Ajouter une région"
        hint={hint ?? 'Saisissez au moins deux lettres du nom'}
        type="region"
        onSelect={(t) => {
          if (!value.includes(t.code)) onChange([...value, t.code]);
          setRound(round + 1);
        }}
      />
      {value.length > 0 ? (
        <TagGroup ariaLabel="Régions choisies" className="u-mt-2">
          {value.map((code) => (
            <RegionTag key={code} code={code} onRemove={() => onChange(value.filter((c) => c !== code))} />
          ))}
        </TagGroup>
      ) : (
        <p className="u-text-sm u-mt-2">Aucune région.</p>
      )}
      {error && <ErrorText>Régions : {error}</ErrorText>}
    </div>
  );
}
