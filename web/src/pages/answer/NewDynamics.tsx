import { DYNAMIC_KIND_LABELS, type DynamicKind, STATUS_LABELS, STATUSES } from '@domain/registry/kinds.ts';
import { Button, Input, Select } from '../../ui/index.ts';
import { errorState, type FieldErrors, messageFor } from '../edit/fieldErrors.ts';
import { PerimeterPicker } from '../edit/PerimeterPicker.tsx';
import { type NewDynamicDraft, todayIso } from './answerDraft.ts';

const EMPTY = (): NewDynamicDraft => ({
  type: '',
  nom: '',
  statut: 'actif',
  statutDate: todayIso(),
  perimetre: { communes: [], epci: [], departements: [], qpv: [] },
  contactNom: '',
  contactEmail: '',
});

/** Dynamics the registry does not know yet, declared by the person (reviewed before being created). */
export function NewDynamics({
  kinds,
  rows,
  errors,
  readOnly,
  onChange,
}: {
  kinds: readonly DynamicKind[];
  rows: NewDynamicDraft[];
  errors: FieldErrors;
  readOnly: boolean;
  onChange: (rows: NewDynamicDraft[]) => void;
}) {
  const set = (i: number, patch: Partial<NewDynamicDraft>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <section className="odts-answer-card" aria-labelledby="nouvelles-titre">
      <h2 id="nouvelles-titre" className="u-h4">
        Autres dynamiques du territoire
      </h2>
      <p>Une dynamique que vous portez ou connaissez n’apparaît pas ci-dessus ? Déclarez-la.</p>
      {rows.map((r, i) => {
        const err = (f: string) => messageFor(errors, `nouvelles.${i}.${f}`);
        const n = i + 1;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: declared rows have no identity of their own.
          <fieldset key={i} className="odts-answer-new">
            <legend>Nouvelle dynamique {n}</legend>
            <Select
              label={`Type (nouvelle dynamique ${n})`}
              nativeSelectProps={{
                id: `champ-nouvelles-${i}-type`,
                value: r.type,
                disabled: readOnly,
                onChange: (e) => set(i, { type: e.target.value as DynamicKind }),
              }}
              {...errorState(err('type'))}
            >
              <option value="">Choisir</option>
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {DYNAMIC_KIND_LABELS[k]}
                </option>
              ))}
            </Select>
            <Input
              label={`Nom (nouvelle dynamique ${n})`}
              nativeInputProps={{
                id: `champ-nouvelles-${i}-nom`,
                value: r.nom,
                disabled: readOnly,
                onChange: (e) => set(i, { nom: e.target.value }),
              }}
              {...errorState(err('nom'))}
            />
            <Select
              label={`Statut (nouvelle dynamique ${n})`}
              nativeSelectProps={{
                value: r.statut,
                disabled: readOnly,
                onChange: (e) => set(i, { statut: e.target.value as NewDynamicDraft['statut'] }),
              }}
              {...errorState(err('statut'))}
            >
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </Select>
            <Input
              label={`Depuis le (nouvelle dynamique ${n})`}
              nativeInputProps={{
                type: 'date',
                value: r.statutDate,
                disabled: readOnly,
                onChange: (e) => set(i, { statutDate: e.target.value }),
              }}
            />
            {!readOnly && (
              <PerimeterPicker
                value={r.perimetre}
                onChange={(perimetre) => set(i, { perimetre })}
                error={err('perimetre')}
                idPrefix={`champ-nouvelles-${i}`}
                of={` (nouvelle dynamique ${n})`}
              />
            )}
            <Input
              label={`Personne à contacter (nouvelle dynamique ${n})`}
              nativeInputProps={{
                value: r.contactNom,
                disabled: readOnly,
                onChange: (e) => set(i, { contactNom: e.target.value }),
              }}
            />
            <Input
              label={`Son courriel (nouvelle dynamique ${n})`}
              nativeInputProps={{
                type: 'email',
                value: r.contactEmail,
                disabled: readOnly,
                onChange: (e) => set(i, { contactEmail: e.target.value }),
              }}
              {...errorState(err('contacts'))}
            />
            {!readOnly && (
              <Button
                type="button"
                priority="tertiary"
                size="small"
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
              >
                Retirer la nouvelle dynamique {n}
              </Button>
            )}
          </fieldset>
        );
      })}
      {!readOnly && (
        <Button type="button" priority="secondary" onClick={() => onChange([...rows, EMPTY()])}>
          Déclarer une autre dynamique
        </Button>
      )}
    </section>
  );
}
