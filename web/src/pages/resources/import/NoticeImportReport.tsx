import type { NoticeImportReport } from '@domain/resources/responses.ts';
import { count } from '../../../lib/format.ts';
import { Link } from '../../../router/Link.tsx';
import { Table } from '../../../ui/index.ts';

export type { NoticeImportReport };

/** Every problem of the file, in the order of its lines: line, field, message. */
export function IssueTable({ report }: { report: NoticeImportReport }) {
  return (
    <Table bordered className="u-mt-3">
      <caption>Problèmes ligne par ligne ({count(report.erreurs.length, 'problème')})</caption>
      <thead>
        <tr>
          <th scope="col" className="odts-num">
            Ligne
          </th>
          <th scope="col">Champ</th>
          <th scope="col">Problème</th>
        </tr>
      </thead>
      <tbody>
        {report.erreurs.map((e, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a line can carry several problems on one field.
          <tr key={i}>
            <td className="odts-num">{e.ligne}</td>
            <td>{e.champ || '—'}</td>
            <td>{e.message}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

const ACTIONS = { ignoree: 'ignorée', fusionnee: 'fusionnée' } as const;

/** Records of the file that repeat a stored notice or an earlier record, and what becomes of them. */
export function DuplicateTable({ report }: { report: NoticeImportReport }) {
  if (report.doublons.length === 0) return null;
  return (
    <Table bordered className="u-mt-3">
      <caption>Doublons reconnus ({report.doublons.length})</caption>
      <thead>
        <tr>
          <th scope="col" className="odts-num">
            Ligne
          </th>
          <th scope="col">Titre</th>
          <th scope="col">Double</th>
          <th scope="col">Motif</th>
          <th scope="col">Suite</th>
        </tr>
      </thead>
      <tbody>
        {report.doublons.map((d) => (
          <tr key={d.ligne}>
            <td className="odts-num">{d.ligne}</td>
            <td>{d.titre}</td>
            <td>
              {d.notice ? (
                <Link href={`/ressources/${d.notice}`}>la notice enregistrée</Link>
              ) : (
                `la notice de la ligne ${d.ligneDoublon}`
              )}
            </td>
            <td>{d.libelle}</td>
            <td>{ACTIONS[d.action]}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** « 12 notices lues : 10 seront créées, 1 complétée par fusion. » */
export function importSummary(r: NoticeImportReport, future: boolean): string {
  const created = future ? 'seront créées' : 'créées';
  const merged = future ? 'seront complétées par fusion' : 'complétées par fusion';
  const parts = [`${r.crees} ${created}`];
  if (r.modifies) parts.push(`${r.modifies} ${merged}`);
  if (r.inchanges) parts.push(`${r.inchanges} doublon(s) sans rien de nouveau`);
  const ignored = r.doublons.filter((d) => d.action === 'ignoree').length;
  if (ignored) parts.push(`${ignored} doublon(s) ignoré(s)`);
  if (r.partiel && r.signalees) parts.push(`${r.signalees} signalée(s) laissée(s) de côté`);
  return `${count(r.lignes, 'notice lue', 'notices lues')} : ${parts.join(', ')}.`;
}
