import type { NoticeMergeResult, NoticePairs } from '@domain/resources/responses.ts';
import { useState } from 'react';
import { useApi } from '../../../api/useApi.ts';
import { Async, Empty } from '../../../components/StateViews.tsx';
import { useTitle } from '../../../lib/useTitle.ts';
import { Link } from '../../../router/Link.tsx';
import { Alert, Breadcrumb, Button, Table } from '../../../ui/index.ts';
import { MergeView } from './MergeView.tsx';

type Pair = NoticePairs['items'][number];
const pairKey = (p: Pair) => `${p.a.id}|${p.b.id}`;

/** Candidate duplicates among the stored notices, compared side by side and merged field by field. */
export default function DuplicatesPage() {
  useTitle('Doublons de notices');
  const state = useApi<NoticePairs>('/api/ressources/doublons');
  const [open, setOpen] = useState<string | null>(null);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const [merged, setMerged] = useState<NoticeMergeResult | null>(null);
  return (
    <>
      <Breadcrumb
        currentPageLabel="Doublons"
        homeLinkProps={{ href: '/' }}
        segments={[{ label: 'Centre de ressources', linkProps: { href: '/ressources' } }]}
      />
      <h1>Doublons de notices</h1>
      <p className="u-lead">
        Notices qui décrivent peut-être le même document : même DOI, même adresse ou titres proches.
        Comparez-les côte à côte et fusionnez-les champ par champ.
      </p>
      <div aria-live="polite">
        {merged && (
          <Alert
            severity="success"
            title="Notices fusionnées"
            description={
              <>
                <Link href={`/ressources/${encodeURIComponent(merged.notice.id)}`}>
                  {merged.notice.titre}
                </Link>{' '}
                est gardée (version {merged.notice.version}) ; l’autre notice est supprimée.
                {merged.selections.length > 0 &&
                  ` Sélections qui la citent désormais : ${merged.selections.map((s) => s.titre).join(', ')}.`}
              </>
            }
          />
        )}
      </div>
      <Async state={state} label="Recherche des doublons…">
        {(data) => {
          const pairs = data.items.filter((p) => !dismissed.has(pairKey(p)));
          const current = pairs.find((p) => pairKey(p) === open);
          if (pairs.length === 0) return <Empty>Aucun doublon probable parmi les notices.</Empty>;
          return (
            <>
              <Table bordered className="u-mt-3">
                <caption>{`${pairs.length} paire(s) de notices à examiner, les plus probables d’abord`}</caption>
                <thead>
                  <tr>
                    <th scope="col">Notice la plus ancienne</th>
                    <th scope="col">Autre notice</th>
                    <th scope="col">Motif</th>
                    <th scope="col">Comparer</th>
                  </tr>
                </thead>
                <tbody>
                  {pairs.map((p) => (
                    <tr key={pairKey(p)}>
                      <td>{`${p.a.titre}${p.a.annee ? ` (${p.a.annee})` : ''}`}</td>
                      <td>{`${p.b.titre}${p.b.annee ? ` (${p.b.annee})` : ''}`}</td>
                      <td>
                        {p.motif === 'titre'
                          ? `${p.libelle} (${Math.round(p.similarite * 100)} %)`
                          : p.libelle}
                      </td>
                      <td>
                        <Button
                          size="small"
                          priority={pairKey(p) === open ? 'primary' : 'secondary'}
                          nativeButtonProps={{ 'aria-label': `Comparer : ${p.a.titre} et ${p.b.titre}` }}
                          onClick={() => {
                            setMerged(null);
                            setOpen(pairKey(p));
                          }}
                        >
                          Comparer
                        </Button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </Table>
              {current && (
                <MergeView
                  key={pairKey(current)}
                  pair={current}
                  onMerged={(result) => {
                    setMerged(result);
                    setOpen(null);
                    state.reload();
                  }}
                  onClose={() => {
                    setDismissed((d) => new Set([...d, pairKey(current)]));
                    setOpen(null);
                  }}
                />
              )}
            </>
          );
        }}
      </Async>
    </>
  );
}
