import { describeFieldChange } from '@domain/registry/history-sentences.ts';
import type { HistoryItem, List } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { Async, Empty } from '../../components/StateViews.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { FIELD_LABELS, HISTORY_ACTION_LABELS } from '../../lib/labels.ts';
import { Table } from '../../ui/index.ts';

const IGNORED = new Set(['id', 'version']);

type Snapshot = Record<string, unknown> | null;

/** A stored version of a record: an object, or null before a creation and after a deletion. */
function snapshot(value: unknown): Snapshot {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : null;
}

/** Fields whose value differs between the two versions. */
export function changedFields(avant: Snapshot, apres: Snapshot) {
  const keys = new Set([...Object.keys(avant ?? {}), ...Object.keys(apres ?? {})]);
  return [...keys].filter(
    (k) => !IGNORED.has(k) && JSON.stringify(avant?.[k] ?? null) !== JSON.stringify(apres?.[k] ?? null),
  );
}

export function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(vide)';
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, 1);
}

function Entry({ item, names }: { item: HistoryItem; names: Record<string, string> }) {
  const avant = snapshot(item.avant);
  const apres = snapshot(item.apres);
  const fields = changedFields(avant, apres);
  const labels = fields.map((f) => FIELD_LABELS[f] ?? f);
  return (
    <tr>
      <td>{formatDateTime(item.date)}</td>
      <td>{HISTORY_ACTION_LABELS[item.action] ?? item.action}</td>
      <td>{item.auteur}</td>
      <td>
        {item.action === 'creation' || avant === null || fields.length === 0 ? (
          <span>
            {item.action === 'creation'
              ? 'Fiche créée'
              : avant === null
                ? 'Fiche supprimée puis restaurée depuis le journal'
                : 'Aucun champ modifié'}
          </span>
        ) : (
          <ul className="u-my-0" aria-label={labels.join(', ')}>
            {fields.map((f) => (
              <li key={f}>
                <span className="u-bold">{FIELD_LABELS[f] ?? f}</span> :{' '}
                {describeFieldChange(f, avant?.[f], apres?.[f], item.date, names)}
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}

export function History({ id, version }: { id: string; version: number }) {
  const history = useApi<List<HistoryItem> & { noms?: Record<string, string> }>(
    `/api/dynamiques/${encodeURIComponent(id)}/historique?v=${version}`,
  );
  return (
    <section aria-labelledby="historique" className="u-mt-4">
      <h2 id="historique">Historique des modifications</h2>
      <Async state={history} label="Chargement de l’historique…">
        {(h) =>
          h.items.length === 0 ? (
            <Empty>Aucune modification enregistrée.</Empty>
          ) : (
            <Table bordered={false} noCaption>
              <caption>Modifications de la fiche, de la plus ancienne à la plus récente</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Action</th>
                  <th scope="col">Auteur</th>
                  <th scope="col">Champs modifiés</th>
                </tr>
              </thead>
              <tbody>
                {h.items.map((item, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: history entries are append-only and ordered.
                  <Entry key={i} item={item} names={h.noms ?? {}} />
                ))}
              </tbody>
            </Table>
          )
        }
      </Async>
    </section>
  );
}
