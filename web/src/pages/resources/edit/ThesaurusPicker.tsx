import { THESAURUS } from '@domain/resources/thesaurus.ts';
import { useId, useState } from 'react';
import { Button, DismissibleTag, ErrorText, Label, TagGroup, TextInput } from '../../../ui/index.ts';

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

/**
 * Descriptors of the thesaurus, chosen one at a time from the list the browser offers while typing;
 * only a descriptor written as in the thesaurus (accents and case aside) can be added.
 */
export function ThesaurusPicker({
  id,
  label,
  chosen,
  error,
  onChange,
}: {
  id: string;
  label: string;
  chosen: string[];
  error: string | undefined;
  onChange: (terms: string[]) => void;
}) {
  const [text, setText] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const listId = useId();
  const hintId = useId();
  const add = () => {
    const term = THESAURUS.find((t) => fold(t) === fold(text));
    if (!term) {
      setRefusal(`« ${text.trim()} » n’est pas dans le thésaurus : mettez-le dans les étiquettes libres`);
      return;
    }
    if (!chosen.includes(term)) onChange([...chosen, term]);
    setText('');
    setRefusal(null);
  };
  return (
    <div className="u-mb-3">
      <Label htmlFor={id} hint="Commencez à écrire puis choisissez dans la liste">
        {label}
      </Label>
      {chosen.length > 0 && (
        <TagGroup>
          {chosen.map((t) => (
            <li key={t}>
              <DismissibleTag
                ariaLabel={`Retirer le mot-clé ${t}`}
                onDismiss={() => onChange(chosen.filter((x) => x !== t))}
              >
                {t}
              </DismissibleTag>
            </li>
          ))}
        </TagGroup>
      )}
      <div className="odts-actions">
        <TextInput
          id={id}
          list={listId}
          value={text}
          aria-describedby={refusal || error ? hintId : undefined}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              if (text.trim()) add();
            }
          }}
        />
        <Button type="button" size="small" priority="secondary" disabled={!text.trim()} onClick={add}>
          Ajouter le mot-clé
        </Button>
      </div>
      <datalist id={listId}>
        {THESAURUS.filter((t) => !chosen.includes(t)).map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      {(refusal || error) && <ErrorText id={hintId}>{refusal ?? error}</ErrorText>}
    </div>
  );
}
