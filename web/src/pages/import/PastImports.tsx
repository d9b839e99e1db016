import type { lotOut, lotRevertReport } from '@domain/registry/responses.ts';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import { ApiError, requestJson } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { Async, Empty, ErrorMessage } from '../../components/StateViews.tsx';
import { formatDateTime, formatInteger } from '../../lib/format.ts';
import { Alert, Button, Table } from '../../ui/index.ts';

type Lot = z.infer<typeof lotOut>;
type Reverted = z.infer<typeof lotRevertReport>;
type Outcome = { lot: Lot; report: Reverted } | { lot: Lot; error: ApiError } | null;

function Row({ lot, onUndo }: { lot: Lot; onUndo: (lot: Lot) => Promise<void> }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <tr>
      <td>{formatDateTime(lot.date)}</td>
      <td>{lot.description}</td>
      <td>{lot.auteur}</td>
      <td className="odts-num">{formatInteger(lot.nombre)}</td>
      <td>
        {lot.annule ? (
          `Annulé le ${formatDateTime(lot.annuleLe ?? lot.date)}`
        ) : confirming ? (
          <div className="odts-actions">
            <Button
              size="small"
              disabled={busy}
              onClick={async () => {
                setBusy(true);
                await onUndo(lot);
                setBusy(false);
                setConfirming(false);
              }}
            >
              Confirmer l’annulation
            </Button>
            <Button size="small" priority="secondary" onClick={() => setConfirming(false)}>
              Garder
            </Button>
          </div>
        ) : (
          <Button
            size="small"
            priority="secondary"
            nativeButtonProps={{ 'aria-label': `Annuler l’import : ${lot.description}` }}
            onClick={() => setConfirming(true)}
          >
            Annuler…
          </Button>
        )}
      </td>
    </tr>
  );
}

/**
 * The last imports (change sets), each undone with a confirmation: created records are deleted and
 * modified ones restored, unless one was modified since (then nothing is undone and the reason is given).
 */
export function PastImports({ refresh, entite }: { refresh: number; entite?: 'notice' | 'dynamique' }) {
  // `entite`: only the imports of that kind of record (the notices page lists notice imports only).
  const state = useApi<{ items: Lot[] }>(`/api/lots?limit=20${entite ? `&entite=${entite}` : ''}`);
  const { reload } = state;
  // An import just made on this page is listed at once.
  useEffect(() => {
    if (refresh > 0) reload();
  }, [refresh, reload]);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const undo = async (lot: Lot) => {
    try {
      const res = await requestJson<Reverted>(`/api/lots/${encodeURIComponent(lot.id)}/annuler`, {
        method: 'POST',
      });
      setOutcome({ lot, report: res.data });
      reload();
    } catch (error) {
      setOutcome({ lot, error: error instanceof ApiError ? error : new ApiError(0, String(error)) });
    }
  };
  return (
    <section aria-labelledby="imports-passes" className="u-mt-6">
      <h2 id="imports-passes">Imports précédents</h2>
      <div aria-live="polite">
        {outcome && 'report' in outcome && (
          <Alert
            severity="success"
            title="Import annulé"
            description={`${outcome.lot.description} : ${outcome.report.supprimees} fiche(s) supprimée(s), ${outcome.report.restaurees} restaurée(s).`}
          />
        )}
        {outcome && 'error' in outcome && <ErrorMessage error={outcome.error} />}
      </div>
      <Async state={state} label="Chargement des imports…">
        {(data) =>
          data.items.length === 0 ? (
            <Empty>Aucun import pour l’instant.</Empty>
          ) : (
            <Table bordered className="u-mt-2">
              <caption>Les 20 derniers imports, du plus récent au plus ancien</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Import</th>
                  <th scope="col">Par</th>
                  <th scope="col" className="odts-num">
                    Fiches
                  </th>
                  <th scope="col">Annulation</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((lot) => (
                  <Row key={lot.id} lot={lot} onUndo={undo} />
                ))}
              </tbody>
            </Table>
          )
        }
      </Async>
    </section>
  );
}
