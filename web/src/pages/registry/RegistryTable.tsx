import type { Dynamic } from '../../api/types.ts';
import { KindLabel, StatusBadge } from '../../components/Badges.tsx';
import { formatDateShort, formatInteger } from '../../lib/format.ts';
import { Link } from '../../router/Link.tsx';
import { Button, Table } from '../../ui/index.ts';
import type { Filters } from './filters.ts';

interface Props {
  items: Dynamic[];
  filters: Filters;
  caption: string;
  onSort: (tri: Filters['tri']) => void;
}

function SortButton({ active, label, onClick }: { active: boolean; label: string; onClick: () => void }) {
  return (
    <Button
      priority="tertiary-no-outline"
      size="small"
      iconId={active ? 'arrow-down-s-line' : 'arrow-up-down-line'}
      iconPosition="right"
      onClick={onClick}
      title={`Trier par ${label.toLowerCase()}`}
      nativeButtonProps={{ 'aria-pressed': active }}
    >
      {label}
    </Button>
  );
}

/** « Mise à jour »: when the information was last verified, and by whom or from which source. */
function Verified({ d }: { d: Dynamic }) {
  if (!d.fraicheur.verifieLe) return <span>non vérifiée</span>;
  const by = d.fraicheur.verifiePar ?? d.sources.at(-1)?.titre;
  return (
    <>
      {formatDateShort(d.fraicheur.verifieLe)}
      {by && <span className="odts-block u-text-sm">{by}</span>}
    </>
  );
}

export function RegistryTable({ items, filters, caption, onSort }: Props) {
  return (
    <Table bordered>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col" aria-sort={filters.tri === 'nom' ? 'ascending' : 'none'}>
            <SortButton active={filters.tri === 'nom'} label="Nom" onClick={() => onSort('nom')} />
          </th>
          <th scope="col">Type</th>
          <th scope="col">Statut</th>
          <th scope="col">Porteur</th>
          <th scope="col" className="odts-num">
            Communes
          </th>
          <th scope="col">Début</th>
          <th scope="col" aria-sort={filters.tri === 'verification' ? 'descending' : 'none'}>
            <SortButton
              active={filters.tri === 'verification'}
              label="Mise à jour"
              onClick={() => onSort('verification')}
            />
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((d) => (
          <tr key={d.id}>
            <td>
              <Link href={`/dynamiques/${d.id}`}>{d.nom}</Link>
            </td>
            <td>
              <KindLabel type={d.type} />
            </td>
            <td>
              <StatusBadge statut={d.statut} />
            </td>
            <td>{d.porteur?.nom ?? '—'}</td>
            <td className="odts-num">{formatInteger(d.perimetre.communes.length)}</td>
            <td>{formatDateShort(d.dateDebut)}</td>
            <td>
              <Verified d={d} />
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
