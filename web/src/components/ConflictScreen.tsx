import { useEffect, useRef } from 'react';
import { Alert, Button, ButtonGroup, Table } from '../ui/index.ts';

interface Props<K extends string> {
  /** What happened, said to the user (who saved, which version, when). */
  description: string;
  /** "champ" for a dynamic, "partie" for a sélection: the unit compared. */
  unit: { singular: string; plural: string; header: string };
  /** Every comparable unit, in display order, with its label. */
  labels: Record<K, string>;
  mineChanged: ReadonlySet<K>;
  theirsChanged: ReadonlySet<K>;
  mine: (k: K) => string;
  theirs: (k: K) => string;
  /** Where "report my changes" leads back to ("au formulaire", "au compositeur"). */
  backTo: string;
  onReapply: () => void;
  onDiscard: () => void;
}

/**
 * Someone saved the record after it was opened here: both versions side by side, unit by unit, and
 * the user decides. Nothing is written from this screen.
 */
export function ConflictScreen<K extends string>(p: Props<K>) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const keys = (Object.keys(p.labels) as K[]).filter((k) => p.mineChanged.has(k) || p.theirsChanged.has(k));
  const who = (k: K) =>
    p.mineChanged.has(k) && p.theirsChanged.has(k)
      ? 'des deux côtés : votre version serait retenue'
      : p.mineChanged.has(k)
        ? 'par vous'
        : 'entre-temps';
  const mineList = (Object.keys(p.labels) as K[]).filter((k) => p.mineChanged.has(k));
  return (
    <section aria-labelledby="conflit-titre" className="odts-conflict">
      <h2 id="conflit-titre" ref={heading} tabIndex={-1}>
        Conflit de modification
      </h2>
      <Alert severity="warning" small description={p.description} />
      <Table bordered className="u-mt-3">
        <caption>
          Les deux versions, {p.unit.singular} par {p.unit.singular}
        </caption>
        <thead>
          <tr>
            <th scope="col">{p.unit.header}</th>
            <th scope="col">Modifié</th>
            <th scope="col">Votre version</th>
            <th scope="col">Version enregistrée entre-temps</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k}>
              <th scope="row">{p.labels[k]}</th>
              <td>{who(k)}</td>
              <td className="odts-prewrap">{p.mine(k)}</td>
              <td className="odts-prewrap">{p.theirs(k)}</td>
            </tr>
          ))}
        </tbody>
      </Table>
      <p>
        Reporter vos modifications ({mineList.map((k) => p.labels[k]).join(', ') || 'aucune'}) sur la version
        enregistrée vous ramène {p.backTo}, pour vérifier avant d’enregistrer de nouveau. Les autres{' '}
        {p.unit.plural} gardent la version enregistrée.
      </p>
      <ButtonGroup>
        <li>
          <Button type="button" onClick={p.onReapply}>
            Reporter mes modifications sur la version enregistrée
          </Button>
        </li>
        <li>
          <Button type="button" priority="secondary" onClick={p.onDiscard}>
            Abandonner mes modifications
          </Button>
        </li>
      </ButtonGroup>
    </section>
  );
}
