import { Table } from '../../ui/index.ts';
import type { FieldChange } from './snapshotDiff.ts';

/** Fields that differ between two versions, side by side. */
export function ChangesTable({
  caption,
  changes,
  beforeLabel,
  afterLabel,
}: {
  caption: string;
  changes: FieldChange[];
  beforeLabel: string;
  afterLabel: string;
}) {
  if (changes.length === 0) return <p>Aucun champ ne diffère.</p>;
  return (
    <Table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Champ</th>
          <th scope="col">{beforeLabel}</th>
          <th scope="col">{afterLabel}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.field}>
            <th scope="row">{c.field}</th>
            <td className="odts-prewrap">{c.before}</td>
            <td className="odts-prewrap">{c.after}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
