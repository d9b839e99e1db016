import { formatDateLong } from '../../lib/format.ts';
import type { ProposalDetail } from './campaignApi.ts';
import { answerText } from './fieldValue.ts';

/** What came with the proposal: a declared stop, the recipient's comment and the extra answers. */
export function AnswerContext({
  detail,
  labels,
}: {
  detail: ProposalDetail;
  labels: Record<string, string>;
}) {
  const answers = Object.entries(detail.questions);
  if (!detail.arret && !detail.commentaire && answers.length === 0) return null;
  return (
    <section aria-labelledby="titre-contexte" className="u-my-2">
      <h2 id="titre-contexte" className="u-h5">
        Ce que dit le destinataire
      </h2>
      {detail.arret && <p>Arrêt déclaré au {formatDateLong(detail.arret)}.</p>}
      {detail.commentaire && (
        <blockquote className="odts-quote">
          <p className="odts-prewrap">{detail.commentaire}</p>
        </blockquote>
      )}
      {answers.length > 0 && (
        <dl className="odts-answers">
          {answers.map(([key, value]) => (
            <div key={key}>
              <dt>{labels[key] ?? key}</dt>
              <dd>{answerText(value)}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
