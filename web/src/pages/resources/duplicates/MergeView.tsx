import type { NoticeMergeResult, NoticePairs } from '@domain/resources/responses.ts';
import { useMemo, useState } from 'react';
import { ApiError, requestJson } from '../../../api/client.ts';
import { ErrorMessage } from '../../../components/StateViews.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { Button, ButtonGroup, RadioGroup, Table } from '../../../ui/index.ts';
import { describeField, draftFromNotice, inputFromDraft, NOTICE_FIELD_LABELS } from '../edit/draft.ts';
import { COMPARED, canJoin, defaultPicks, mergeDrafts, type Pick, type Picks, same } from './merge.ts';

type Pair = NoticePairs['items'][number];

/**
 * Two notices side by side, field by field: where they differ, the documentalist picks one value (or
 * both, for lists). The notice kept takes the result; the other is deleted, its citations repointed.
 */
export function MergeView({
  pair,
  onMerged,
  onClose,
}: {
  pair: Pair;
  onMerged: (result: NoticeMergeResult) => void;
  onClose: () => void;
}) {
  const [keep, setKeep] = useState<'a' | 'b'>('a');
  const kept = keep === 'a' ? pair.a : pair.b;
  const other = keep === 'a' ? pair.b : pair.a;
  const [left, right] = useMemo(() => [draftFromNotice(pair.a), draftFromNotice(pair.b)], [pair]);
  const [picks, setPicks] = useState<Picks>(() => defaultPicks(left, right));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const differing = COMPARED.filter((f) => !same(left, right, f));

  const merge = async () => {
    setBusy(true);
    setError(null);
    // Picks name the left and right columns; the merge is written onto the notice kept.
    const merged = mergeDrafts(left, right, picks);
    try {
      const res = await requestJson<NoticeMergeResult>('/api/ressources/fusion', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          garder: { id: kept.id, version: kept.version },
          retirer: { id: other.id, version: other.version },
          notice: inputFromDraft(merged),
        }),
      });
      onMerged(res.data);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, String(e)));
    } finally {
      setBusy(false);
    }
  };

  const column = (side: 'a' | 'b') => (side === 'a' ? 'gauche' : 'droite');
  return (
    <section aria-labelledby="comparaison" className="u-mt-4">
      <h2 id="comparaison">Comparer et fusionner</h2>
      <RadioGroup
        legend="Notice à garder (l’autre sera supprimée, ses citations reportées sur celle-ci)"
        name="garder"
        orientation="horizontal"
        options={(['a', 'b'] as const).map((side) => ({
          label: `Notice de ${column(side)} : ${(side === 'a' ? pair.a : pair.b).titre}`,
          hintText: `Créée le ${formatDateTime((side === 'a' ? pair.a : pair.b).creeLe)}, version ${(side === 'a' ? pair.a : pair.b).version}`,
          nativeInputProps: { value: side, checked: keep === side, onChange: () => setKeep(side) },
        }))}
      />
      <Table bordered className="u-mt-3">
        <caption>
          Les deux notices champ par champ ; choisissez la valeur gardée là où elles diffèrent
        </caption>
        <thead>
          <tr>
            <th scope="col">Champ</th>
            <th scope="col">Notice de gauche</th>
            <th scope="col">Notice de droite</th>
            <th scope="col">Valeur gardée</th>
          </tr>
        </thead>
        <tbody>
          {COMPARED.map((f) => {
            const equal = !differing.includes(f);
            if (equal && describeField(left, f) === '(vide)') return null;
            const options: { value: Pick; label: string }[] = [
              { value: 'a', label: 'gauche' },
              { value: 'b', label: 'droite' },
              ...(canJoin(f) ? [{ value: 'both' as const, label: 'les deux' }] : []),
            ];
            return (
              <tr key={f}>
                <th scope="row">{NOTICE_FIELD_LABELS[f]}</th>
                <td className="odts-prewrap">{describeField(left, f)}</td>
                <td className="odts-prewrap">{equal ? '(identique)' : describeField(right, f)}</td>
                <td>
                  {equal ? (
                    'identique'
                  ) : (
                    <RadioGroup
                      legend={
                        <span className="u-sr-only">{`Valeur gardée : ${NOTICE_FIELD_LABELS[f]}`}</span>
                      }
                      name={`choix-${f}`}
                      small
                      options={options.map((o) => ({
                        label: o.label,
                        nativeInputProps: {
                          value: o.value,
                          checked: (picks[f] ?? 'a') === o.value,
                          onChange: () => setPicks((p) => ({ ...p, [f]: o.value })),
                        },
                      }))}
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </Table>
      <div aria-live="polite">{error && <ErrorMessage error={error} />}</div>
      <ButtonGroup className="u-mt-3">
        <li>
          <Button type="button" disabled={busy} onClick={() => void merge()}>
            {busy ? 'Fusion en cours…' : `Fusionner en gardant la notice de ${column(keep)}`}
          </Button>
        </li>
        <li>
          <Button type="button" priority="secondary" onClick={onClose}>
            Ce ne sont pas des doublons
          </Button>
        </li>
      </ButtonGroup>
    </section>
  );
}
