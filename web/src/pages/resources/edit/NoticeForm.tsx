import {
  AUDIENCE_LABELS,
  DISPOSITIF_LABELS,
  NOTICE_DISPOSITIFS,
  NOTICE_TYPE_LABELS,
  OFFICIAL_TEXT_LABELS,
  THEME_LABELS,
} from '@domain/resources/vocabulary.ts';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { Button, ButtonGroup, Checkbox, Fieldset, Input, Select, Textarea } from '../../../ui/index.ts';
import { errorState } from '../../edit/fieldErrors.ts';
import { ContributorsEditor } from './ContributorsEditor.tsx';
import {
  ABSTRACT_ORIGIN_LABELS,
  NOTICE_FIELD_LABELS as LABELS,
  LANGUAGE_LABELS,
  type NoticeDraft,
  type NoticeField,
} from './draft.ts';
import { LinksEditor } from './LinksEditor.tsx';
import { ThesaurusPicker } from './ThesaurusPicker.tsx';

export const noticeFieldId = (f: string) => `champ-${f}`;

const DISPOSITIFS = Object.fromEntries(NOTICE_DISPOSITIFS.map((d) => [d, `${d} — ${DISPOSITIF_LABELS[d]}`]));

interface Props {
  draft: NoticeDraft;
  onChange: (d: NoticeDraft) => void;
  onSubmit: () => void;
  onCancel: () => void;
  /** Server messages by path, as the 400 `champs` gives them. */
  errors: Record<string, string>;
  failure: string | null;
  saving: boolean;
  submitLabel: string;
}

/** Every field of a notice; the server checks, and its messages show by field. */
export function NoticeForm({
  draft,
  onChange,
  onSubmit,
  onCancel,
  errors,
  failure,
  saving,
  submitLabel,
}: Props) {
  const set = (patch: Partial<NoticeDraft>) => onChange({ ...draft, ...patch });
  const messageOf = (f: NoticeField) =>
    errors[f] ?? (f === 'conteneur' ? errors['conteneur.titre'] : errors[`conteneur.${f}`]);
  const state = (f: NoticeField) => errorState(messageOf(f));
  const text = (f: NoticeField, extra: { hintText?: string; type?: string } = {}) => (
    <Input
      label={LABELS[f]}
      hintText={extra.hintText}
      {...state(f)}
      nativeInputProps={{
        id: noticeFieldId(f),
        type: extra.type ?? 'text',
        value: draft[f] as string,
        onChange: (e) => set({ [f]: e.target.value }),
      }}
    />
  );
  const choice = (f: NoticeField, labels: Record<string, string>, empty: string | null, hint?: string) => (
    <Select
      label={LABELS[f]}
      hint={hint}
      {...state(f)}
      nativeSelectProps={{
        id: noticeFieldId(f),
        value: draft[f] as string,
        onChange: (e) => set({ [f]: e.target.value }),
      }}
    >
      {empty !== null && <option value="">{empty}</option>}
      {Object.entries(labels).map(([v, l]) => (
        <option key={v} value={v}>
          {l}
        </option>
      ))}
    </Select>
  );
  const boxes = (f: 'dispositifs' | 'themes' | 'publics', labels: Record<string, string>) => {
    const chosen = draft[f];
    return (
      <Checkbox
        id={noticeFieldId(f)}
        legend={LABELS[f]}
        orientation="horizontal"
        small
        {...state(f)}
        options={Object.entries(labels).map(([v, l]) => ({
          label: l,
          nativeInputProps: {
            checked: chosen.includes(v),
            onChange: (e) => set({ [f]: e.target.checked ? [...chosen, v] : chosen.filter((x) => x !== v) }),
          },
        }))}
      />
    );
  };
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {failure && (
        <ErrorSummary
          title="La notice n’a pas été enregistrée"
          errors={errors}
          message={failure}
          describe={(p) => {
            const [head, rank, sub] = p.split('.');
            const label = LABELS[head as NoticeField] ?? head;
            return rank && /^\d+$/.test(rank)
              ? `${label} (n° ${Number(rank) + 1}${sub ? `, ${sub}` : ''})`
              : label;
          }}
          href={(p) => `#${noticeFieldId(p.split('.')[0] ?? p)}`}
        />
      )}
      <Fieldset legend="Le document">
        {choice('type', NOTICE_TYPE_LABELS, null)}
        {draft.type === 'texte_officiel' && choice('sousType', OFFICIAL_TEXT_LABELS, 'Non précisé')}
        {text('titre')}
      </Fieldset>
      <ContributorsEditor
        id={noticeFieldId('auteurs')}
        legend={LABELS.auteurs}
        noun="auteur"
        rows={draft.auteurs}
        onChange={(auteurs) => set({ auteurs })}
        errors={errors}
      />
      <ContributorsEditor
        id={noticeFieldId('directeurs')}
        legend={LABELS.directeurs}
        noun="directeur"
        rows={draft.directeurs}
        onChange={(directeurs) => set({ directeurs })}
        errors={errors}
      />
      <Fieldset legend="Publication">
        {text('conteneur', { hintText: 'Revue, ouvrage d’un chapitre, site d’une page, émission, actes' })}
        {text('volume')}
        {text('numero')}
        {text('collection')}
        {text('editeur', { hintText: 'Ou l’université d’une thèse' })}
        {text('lieu')}
        {text('date', { hintText: 'AAAA, AAAA-MM ou AAAA-MM-JJ' })}
        {text('pages', { hintText: 'Dans le conteneur, par exemple 123-135' })}
        {text('etendue', { hintText: 'Par exemple 86 p. ou 12 min' })}
      </Fieldset>
      <Fieldset legend="Accès et identifiants">
        {text('url', { type: 'url', hintText: 'Adresse commençant par http:// ou https://' })}
        {text('consulteLe', { type: 'date' })}
        {text('doi', { hintText: 'Sous toute forme : 10.1234/abc ou https://doi.org/10.1234/abc' })}
        {text('isbn')}
        {text('issn')}
        {choice('langue', LANGUAGE_LABELS, 'Inconnue (détectée à la création si possible)')}
        {text('disponibilite', { hintText: 'Par exemple « disponible au centre de documentation »' })}
      </Fieldset>
      <Fieldset legend="Résumé">
        <Textarea
          label={LABELS.resume}
          {...state('resume')}
          nativeTextAreaProps={{
            id: noticeFieldId('resume'),
            rows: 6,
            value: draft.resume,
            onChange: (e) => set({ resume: e.target.value }),
          }}
        />
        {choice('origineResume', ABSTRACT_ORIGIN_LABELS, 'Non précisée')}
      </Fieldset>
      <Fieldset legend="Indexation">
        {boxes('dispositifs', DISPOSITIFS)}
        {boxes('themes', THEME_LABELS)}
        {boxes('publics', AUDIENCE_LABELS)}
        <ThesaurusPicker
          id={noticeFieldId('motsCles')}
          label={LABELS.motsCles}
          chosen={draft.motsCles}
          error={Object.entries(errors).find(([p]) => p.startsWith('motsCles'))?.[1]}
          onChange={(motsCles) => set({ motsCles })}
        />
        {text('etiquettes', {
          hintText:
            'Mots libres séparés par « ; » ; un descripteur du thésaurus ou un code de dispositif y est rangé',
        })}
      </Fieldset>
      <LinksEditor draft={draft} set={set} errors={errors} />
      <ButtonGroup className="u-mt-3">
        <li>
          <Button type="submit" disabled={saving}>
            {saving ? 'Enregistrement…' : submitLabel}
          </Button>
        </li>
        <li>
          <Button type="button" priority="secondary" onClick={onCancel}>
            Annuler
          </Button>
        </li>
      </ButtonGroup>
    </form>
  );
}
