import type { RecipientForm } from '@domain/campaigns/responses.ts';
import type { DynamicInput } from '@domain/registry/schemas.ts';
import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { ErrorMessage, Loading } from '../../components/StateViews.tsx';
import { formatDateLong } from '../../lib/format.ts';
import { useTitle } from '../../lib/useTitle.ts';
import type { PageProps } from '../../routes.ts';
import { Alert, Button } from '../../ui/index.ts';
import { type AnswerDraft, draftFrom, inputFrom } from './answerDraft.ts';
import { DynamicCard } from './DynamicCard.tsx';
import { NewDynamics } from './NewDynamics.tsx';
import { QuestionsBlock } from './QuestionsBlock.tsx';
import { putAnswer, type SaveState, useAutosave } from './useAutosave.ts';
import './answer.css';

const time = (iso: string) =>
  new Date(iso).toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' }).replace(':', ' h ');

function SaveStatus({ state }: { state: SaveState }) {
  let text = '';
  if (state.kind === 'saving') text = 'Enregistrement…';
  if (state.kind === 'saved') text = `Enregistré à ${time(state.at)}`;
  if (state.kind === 'error') text = `Brouillon non enregistré : ${state.error.message}`;
  return (
    <p className="odts-answer-status" aria-live="polite">
      {text}
    </p>
  );
}

const describe = (path: string) =>
  path
    .replace(/^dynamiques\.(\d+)\./, (_, i: string) => `Dynamique ${Number(i) + 1}, `)
    .replace(/^dynamiques\.[^.]+$/, 'Une dynamique')
    .replace(/^nouvelles\.(\d+)\./, (_, i: string) => `Nouvelle dynamique ${Number(i) + 1}, `)
    .replace(/^questions\./, 'Question ')
    .replace('proposition.', '');
const anchor = (path: string) => `#champ-${path.replace(/\./g, '-')}`;

function Form({ token, form }: { token: string; form: RecipientForm }) {
  const [draft, setDraft] = useState<AnswerDraft>(() => draftFrom(form));
  const [changed, setChanged] = useState(false);
  const [submitted, setSubmitted] = useState<string | null>(form.soumisLe);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [sending, setSending] = useState(false);
  const readOnly = !form.modifiable;
  const body = useMemo(() => (changed ? inputFrom(draft, form, false) : null), [changed, draft, form]);
  const save = useAutosave(token, body, !readOnly);
  const update = (next: AnswerDraft) => {
    setDraft(next);
    setChanged(true);
  };
  const errors = failure?.champs ?? (save.kind === 'error' ? save.error.champs : {});
  const c = form.campagne;

  async function submit() {
    setSending(true);
    setFailure(null);
    try {
      const res = await putAnswer(token, inputFrom(draft, form, true));
      setSubmitted(res.data.soumisLe);
      setChanged(false);
    } catch (e) {
      setFailure(e instanceof ApiError ? e : new ApiError(0, String(e)));
    } finally {
      setSending(false);
    }
  }

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <p className="u-lead">
        {c.organisme} vous invite à vérifier les fiches ci-dessous. Réponse attendue jusqu’au{' '}
        {formatDateLong(c.cloture)} inclus.
      </p>
      <div className="odts-answer-message">
        {c.message.split('\n').map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines of a fixed message.
          <p key={i}>{line}</p>
        ))}
      </div>
      {readOnly && (
        <Alert
          severity="info"
          title="Réponse examinée"
          description="L’équipe a déjà examiné votre réponse : elle ne peut plus être modifiée. Merci de votre participation."
        />
      )}
      {submitted && !readOnly && (
        <output>
          <Alert
            severity="success"
            title="Réponse envoyée"
            description={`Votre réponse a été transmise le ${formatDateLong(submitted.slice(0, 10))}. Vous pouvez encore la compléter et l’envoyer de nouveau tant que l’équipe ne l’a pas examinée.`}
          />
        </output>
      )}
      {failure && (
        <ErrorSummary
          key={failure.message + Object.keys(failure.champs).join()}
          title="Votre réponse n’a pas été envoyée"
          errors={failure.champs}
          message={failure.message}
          describe={describe}
          href={anchor}
        />
      )}
      {form.dynamiques.map((d, i) => (
        <DynamicCard
          key={d.id}
          index={i}
          draft={draft.dynamiques[i] as AnswerDraft['dynamiques'][number]}
          fiche={d.fiche as unknown as DynamicInput}
          type={d.type}
          territoires={d.territoires}
          champs={c.champs}
          readOnly={readOnly}
          errors={errors}
          onChange={(next) =>
            update({ ...draft, dynamiques: draft.dynamiques.map((x, j) => (j === i ? next : x)) })
          }
        />
      ))}
      <NewDynamics
        kinds={c.types}
        rows={draft.nouvelles}
        errors={errors}
        readOnly={readOnly}
        onChange={(nouvelles) => update({ ...draft, nouvelles })}
      />
      <QuestionsBlock
        questions={c.questions}
        values={draft.questions}
        errors={errors}
        readOnly={readOnly}
        onChange={(questions) => update({ ...draft, questions })}
      />
      {!readOnly && (
        <div className="odts-answer-actions">
          <SaveStatus state={save} />
          <Button type="submit" disabled={sending}>
            {sending ? 'Envoi…' : submitted ? 'Envoyer de nouveau ma réponse' : 'Envoyer ma réponse'}
          </Button>
        </div>
      )}
    </form>
  );
}

/** `/reponses/{token}`: a campaign's form reached by a personal link, without an account. */
export default function AnswerPage({ params }: PageProps) {
  const token = params[0] ?? '';
  const form = useApi<RecipientForm>(`/api/reponses/${encodeURIComponent(token)}`);
  useTitle(form.status === 'ok' ? form.data.campagne.nom : 'Campagne de recensement');
  useEffect(() => {
    // The link is a secret: keep it out of the referrer of any link followed from here.
    const meta = document.createElement('meta');
    meta.name = 'referrer';
    meta.content = 'no-referrer';
    document.head.append(meta);
    return () => meta.remove();
  }, []);
  return (
    <div className="u-my-4 odts-answer">
      <h1>{form.status === 'ok' ? form.data.campagne.nom : 'Campagne de recensement'}</h1>
      {form.status === 'loading' && <Loading label="Chargement du questionnaire…" />}
      {form.status === 'error' &&
        (form.error.status === 404 ? (
          <Alert
            severity="warning"
            title="Lien inconnu ou expiré"
            description="Ce lien ne donne accès à aucun questionnaire : il a peut-être expiré à la clôture de la campagne ou été remplacé par un lien plus récent. Utilisez le dernier message reçu, ou écrivez à l’équipe qui vous l’a envoyé."
          />
        ) : (
          <ErrorMessage error={form.error} onRetry={form.reload} />
        ))}
      {form.status === 'ok' && <Form token={token} form={form.data} />}
    </div>
  );
}
