import type { ProjectCycle } from '@domain/cycle/responses.ts';
import { MODEL_LABELS, STEP_STATUS_LABELS } from '@domain/cycle/templates.ts';
import { useState } from 'react';
import { useApi } from '../../../api/useApi.ts';
import { ErrorMessage } from '../../../components/StateViews.tsx';
import { formatDateLong } from '../../../lib/format.ts';
import { Link } from '../../../router/Link.tsx';
import { Badge, Button } from '../../../ui/index.ts';
import { CycleForm } from './CycleForm.tsx';

type Step = ProjectCycle['etapes'][number];

const SEVERITY = { fait: 'success', en_cours: 'info', a_venir: undefined } as const;

function StepItem({ step, actionTitles }: { step: Step; actionTitles: Map<string, string> }) {
  const severity = SEVERITY[step.statut];
  return (
    <li className="u-mb-2">
      <span className="u-bold">{step.libelle}</span>{' '}
      <Badge small noIcon {...(severity ? { severity } : {})}>
        {STEP_STATUS_LABELS[step.statut]}
      </Badge>
      {step.date && <span> — {formatDateLong(step.date)}</span>}
      {step.note && <p className="u-my-0">{step.note}</p>}
      {step.document && (
        <p className="u-my-0 u-text-sm">
          Document :{' '}
          {step.document.notice ? (
            <Link href={`/ressources/${encodeURIComponent(step.document.notice)}`}>
              {step.document.titre ?? 'notice du centre de ressources'}
            </Link>
          ) : step.document.url ? (
            <a href={step.document.url} rel="noopener noreferrer">
              {step.document.titre ?? step.document.url}
            </a>
          ) : null}
        </p>
      )}
      {step.actions.length > 0 && (
        <p className="u-my-0 u-text-sm">
          Actions :{' '}
          {step.actions.map((a, i) => (
            <span key={a}>
              {i > 0 && ', '}
              <Link href={`/actions/${encodeURIComponent(a)}`}>{actionTitles.get(a) ?? a}</Link>
            </span>
          ))}
        </p>
      )}
    </li>
  );
}

/**
 * « Cycle de projet » of a dynamic page: its steps in order with their state; before anyone wrote it,
 * the kind's template is shown as a proposal to start from.
 */
export function CycleSection({ id, canWrite }: { id: string; canWrite: boolean }) {
  const url = `/api/dynamiques/${encodeURIComponent(id)}/cycle`;
  const cycle = useApi<ProjectCycle>(url);
  const actions = useApi<{ items: { id: string; titre: string }[] }>(
    `/api/actions?dynamique=${encodeURIComponent(id)}&limit=100&tri=titre`,
  );
  const [editing, setEditing] = useState(false);
  if (cycle.status === 'loading') return null;
  if (cycle.status === 'error') return <ErrorMessage error={cycle.error} onRetry={cycle.reload} />;
  const c = cycle.data;
  const linked = actions.data?.items ?? [];
  const titles = new Map(linked.map((a) => [a.id, a.titre]));
  return (
    <section aria-labelledby="cycle-projet" className="u-mt-4">
      <h2 id="cycle-projet">Cycle de projet</h2>
      <p className="u-text-sm">
        {c.version === 0
          ? `Pas encore renseigné : voici les étapes habituelles (${MODEL_LABELS[c.modele]}).`
          : `${MODEL_LABELS[c.modele]} — mis à jour le ${formatDateLong((c.modifieLe ?? '').slice(0, 10))}.`}
      </p>
      {editing ? (
        <CycleForm
          url={url}
          cycle={c}
          actions={linked}
          onDone={() => {
            setEditing(false);
            cycle.reload();
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          <ol>
            {c.etapes.map((s) => (
              <StepItem key={s.code} step={s} actionTitles={titles} />
            ))}
          </ol>
          {canWrite && (
            <Button priority="secondary" size="small" iconId="edit-line" onClick={() => setEditing(true)}>
              {c.version === 0 ? 'Renseigner le cycle de projet' : 'Modifier le cycle de projet'}
            </Button>
          )}
        </>
      )}
    </section>
  );
}
