import { CRITERIA, LEVELS, levelLabel, MAX_LEVEL } from '@domain/cycle/criteria.ts';
import type { SelfAssessment } from '@domain/cycle/responses.ts';
import { lazy, Suspense, useState } from 'react';
import { useApi } from '../../../api/useApi.ts';
import { ErrorMessage } from '../../../components/StateViews.tsx';
import { formatDateLong } from '../../../lib/format.ts';
import { Button, Table } from '../../../ui/index.ts';
import { SelfAssessmentForm } from './SelfAssessmentForm.tsx';

const RadarChart = lazy(() => import('./RadarChart.tsx'));

function Latest({ a }: { a: SelfAssessment }) {
  const values = CRITERIA.map((c) => a.criteres[c.code]?.niveau ?? 0);
  const described = CRITERIA.map((c, i) => `${c.libelle} : ${levelLabel(values[i] ?? 0)}`).join(', ');
  return (
    <>
      <p>
        Dernière auto-évaluation le {formatDateLong(a.date)} ({a.auteur})
        {a.commentaire ? ` — ${a.commentaire}` : ''}.
      </p>
      <Suspense fallback={null}>
        <RadarChart
          labels={CRITERIA.map((c) => c.libelle)}
          values={values}
          max={MAX_LEVEL}
          description={`Niveaux de l’auto-évaluation du ${formatDateLong(a.date)} : ${described}.`}
        />
      </Suspense>
      <Table>
        <caption>Auto-évaluation du {formatDateLong(a.date)}, critère par critère</caption>
        <thead>
          <tr>
            <th scope="col">Critère</th>
            <th scope="col">Niveau</th>
            <th scope="col">Ce qui le montre</th>
          </tr>
        </thead>
        <tbody>
          {CRITERIA.map((c) => (
            <tr key={c.code}>
              <th scope="row">{c.libelle}</th>
              <td>
                {levelLabel(a.criteres[c.code]?.niveau ?? 0)} ({a.criteres[c.code]?.niveau ?? 0} / {MAX_LEVEL}
                )
              </td>
              <td>{a.criteres[c.code]?.preuves ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}

/**
 * « Auto-évaluation » of a dynamic page: the latest assessment as a radar and a table, the earlier ones
 * listed, and a form to record a new one (the server decides who may).
 */
export function SelfAssessmentSection({ id, canWrite }: { id: string; canWrite: boolean }) {
  const url = `/api/dynamiques/${encodeURIComponent(id)}/auto-evaluations`;
  const list = useApi<{ total: number; items: SelfAssessment[] }>(url);
  const [editing, setEditing] = useState(false);
  if (list.status === 'loading') return null;
  if (list.status === 'error') return <ErrorMessage error={list.error} onRetry={list.reload} />;
  const [latest, ...earlier] = list.data.items;
  return (
    <section aria-labelledby="auto-evaluation" className="u-mt-4">
      <h2 id="auto-evaluation">Auto-évaluation de la démarche</h2>
      <p className="u-text-sm">
        Sept caractéristiques d’une démarche territoriale de santé, chacune notée de 0 (
        {LEVELS[0].libelle.toLowerCase()}) à {MAX_LEVEL} ({LEVELS[MAX_LEVEL].libelle.toLowerCase()}) par
        l’équipe qui la fait vivre.
      </p>
      {latest ? <Latest a={latest} /> : <p>Aucune auto-évaluation n’a encore été enregistrée.</p>}
      {earlier.length > 0 && (
        <details>
          <summary>Auto-évaluations précédentes ({earlier.length})</summary>
          <ul>
            {earlier.map((a) => (
              <li key={a.id}>
                {formatDateLong(a.date)} ({a.auteur}) :{' '}
                {CRITERIA.map((c) => `${c.libelle} ${a.criteres[c.code]?.niveau ?? 0}`).join(', ')}
              </li>
            ))}
          </ul>
        </details>
      )}
      {canWrite &&
        (editing ? (
          <SelfAssessmentForm
            url={url}
            previous={latest ?? null}
            onDone={() => {
              setEditing(false);
              list.reload();
            }}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <Button priority="secondary" size="small" iconId="add-line" onClick={() => setEditing(true)}>
            Nouvelle auto-évaluation
          </Button>
        ))}
    </section>
  );
}
