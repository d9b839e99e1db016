import { MAX_LEVEL } from '@domain/cycle/criteria.ts';
import type { SelfAssessmentDistribution } from '@domain/cycle/responses.ts';
import { query } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { Async } from '../../components/StateViews.tsx';
import { formatInteger } from '../../lib/format.ts';
import { Table } from '../../ui/index.ts';
import { type AnalysisScope, isLocalScope } from './scope.ts';

/**
 * How the dynamics of the territory rate themselves on the seven criteria (latest self-assessment of each),
 * level by level. Self-assessments are not dated states of the registry: the date of the scope does not apply.
 */
export function SelfAssessments({ scope }: { scope: AnalysisScope }) {
  // Computed by région or département: a local scope is shown within its département's picture elsewhere.
  const url = isLocalScope(scope)
    ? null
    : `/api/analyses/auto-evaluations${query({ region: scope.region, departement: scope.departement })}`;
  const state = useApi<SelfAssessmentDistribution>(url);
  return (
    <section aria-labelledby="auto-evaluations" className="u-mt-6">
      <h2 id="auto-evaluations">Auto-évaluations des démarches</h2>
      {url === null ? (
        <p>Les auto-évaluations se comparent par région ou par département : choisissez l’un ou l’autre.</p>
      ) : (
        <Async state={state} label="Chargement des auto-évaluations…">
          {(d) =>
            d.evaluees === 0 ? (
              <p>Aucune dynamique de ce territoire n’a encore enregistré d’auto-évaluation.</p>
            ) : (
              <>
                <p>
                  {formatInteger(d.evaluees)} dynamique{d.evaluees > 1 ? 's' : ''} sur{' '}
                  {formatInteger(d.dynamiques)} ont enregistré une auto-évaluation ; seule la plus récente de
                  chacune compte.
                </p>
                <Table>
                  <caption>Nombre de dynamiques à chaque niveau, par critère</caption>
                  <thead>
                    <tr>
                      <th scope="col">Critère</th>
                      {d.criteres[0]?.niveaux.map((n) => (
                        <th key={n.niveau} scope="col" className="odts-num">
                          {n.niveau} — {n.libelle}
                        </th>
                      ))}
                      <th scope="col" className="odts-num">
                        Niveau moyen (sur {MAX_LEVEL})
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.criteres.map((c) => (
                      <tr key={c.code}>
                        <th scope="row">{c.libelle}</th>
                        {c.niveaux.map((n) => (
                          <td key={n.niveau} className="odts-num">
                            {formatInteger(n.nombre)}
                          </td>
                        ))}
                        <td className="odts-num">
                          {c.moyenne === null
                            ? '—'
                            : c.moyenne.toLocaleString('fr-FR', { maximumFractionDigits: 2 })}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              </>
            )
          }
        </Async>
      )}
    </section>
  );
}
