import { useState } from 'react';
import type { ApiError } from '../../api/client.ts';
import { requestJson } from '../../api/client.ts';
import { ErrorMessage } from '../../components/StateViews.tsx';
import { count, formatDateTime, formatInteger } from '../../lib/format.ts';
import { Alert, Button, ButtonGroup } from '../../ui/index.ts';
import { asApiError } from '../accounts/accountApi.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { type Campaign, campaignPaths, type Progress, type SendReport } from './campaignApi.ts';

type Action = 'envoyer' | 'relancer';

const TEXTS: Record<Action, { button: string; title: string; confirm: string; done: string }> = {
  envoyer: {
    button: 'Envoyer les invitations',
    title: 'Envoyer les invitations ?',
    confirm: 'Envoyer maintenant',
    done: 'Invitations envoyées',
  },
  relancer: {
    button: 'Relancer les non-répondants',
    title: 'Relancer les non-répondants ?',
    confirm: 'Relancer maintenant',
    done: 'Relances envoyées',
  },
};

/** « 14 h 05 », in the platform's reference time like every timestamp it shows. */
const hhmm = (d: Date) => formatDateTime(d.toISOString()).split(' à ')[1] ?? '';

function Report({ action, report, at }: { action: Action; report: SendReport; at: Date }) {
  return (
    <output className="odts-block u-my-2">
      <Alert
        severity={report.echecs.length > 0 ? 'warning' : 'success'}
        title={`${TEXTS[action].done} à ${hhmm(at)}`}
        description={
          <>
            <p>
              {count(report.envoyes, 'message envoyé', 'messages envoyés')}
              {report.deja > 0 &&
                ` ; ${formatInteger(report.deja)} déjà ${action === 'envoyer' ? 'invités' : 'répondus'}, non renvoyés`}
              .
            </p>
            {report.echecs.length > 0 && (
              <ul>
                {report.echecs.map((e) => (
                  <li key={e.email}>
                    {e.email} : {e.erreur}
                  </li>
                ))}
              </ul>
            )}
          </>
        }
      />
    </output>
  );
}

/** Sending the invitations and the reminders, each after a confirmation, then what happened. */
export function SendPanel({
  campaign,
  progress,
  onSent,
}: {
  campaign: Campaign;
  progress: Progress;
  onSent: () => void;
}) {
  const [asking, setAsking] = useState<Action | null>(null);
  const [busy, setBusy] = useState<Action | null>(null);
  const [outcome, setOutcome] = useState<
    { action: Action; report: SendReport; at: Date } | { action: Action; error: ApiError } | null
  >(null);
  const toSend = progress.destinataires - progress.envoyes;
  const silent = progress.envoyes - progress.repondus;
  const closed = campaign.etat === 'close';

  const run = async (action: Action) => {
    setAsking(null);
    setBusy(action);
    setOutcome(null);
    try {
      const { data } = await requestJson<SendReport>(`${campaignPaths.api(campaign.id)}/${action}`, {
        method: 'POST',
      });
      setOutcome({ action, report: data, at: new Date() });
      onSent();
    } catch (e) {
      setOutcome({ action, error: asApiError(e) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="titre-envoi" className="u-mt-4">
      <h2 id="titre-envoi">Invitations et relances</h2>
      {closed ? (
        <p>La campagne est close : les liens ont expiré, plus rien ne peut être envoyé.</p>
      ) : (
        <ButtonGroup>
          <li>
            <Button disabled={busy !== null || toSend === 0} onClick={() => setAsking('envoyer')}>
              {busy === 'envoyer' ? 'Envoi en cours…' : TEXTS.envoyer.button}
            </Button>
          </li>
          <li>
            <Button
              priority="secondary"
              disabled={busy !== null || campaign.etat !== 'envoyee' || silent === 0}
              onClick={() => setAsking('relancer')}
            >
              {busy === 'relancer' ? 'Relance en cours…' : TEXTS.relancer.button}
            </Button>
          </li>
        </ButtonGroup>
      )}
      {!closed && toSend === 0 && progress.destinataires > 0 && (
        <p className="u-text-sm">Tous les destinataires ont reçu leur invitation.</p>
      )}
      {outcome && 'report' in outcome && <Report {...outcome} />}
      {outcome && 'error' in outcome && <ErrorMessage error={outcome.error} />}
      <ConfirmDialog
        open={asking !== null}
        title={asking ? TEXTS[asking].title : ''}
        confirmLabel={asking ? TEXTS[asking].confirm : ''}
        onConfirm={() => asking && void run(asking)}
        onCancel={() => setAsking(null)}
      >
        {asking === 'envoyer' ? (
          <p>
            {count(toSend, 'destinataire recevra', 'destinataires recevront')} un message avec son lien
            personnel, valable jusqu’à la clôture. Cette action ne peut pas être annulée.
          </p>
        ) : (
          <p>
            Les destinataires qui n’ont pas encore répondu ({formatInteger(silent)}) recevront un nouveau lien
            ; ce qu’ils ont déjà saisi est conservé et l’ancien lien cesse de fonctionner.
          </p>
        )}
      </ConfirmDialog>
    </section>
  );
}
