import { DYNAMIC_KIND_LABELS, type DynamicKind, STATUS_LABELS, type Status } from '@domain/registry/kinds.ts';
import { Badge } from '../ui/index.ts';

const STATUS_SEVERITY: Record<Status, 'success' | 'info' | 'warning' | 'error'> = {
  actif: 'success',
  en_projet: 'info',
  suspendu: 'warning',
  arrete: 'error',
};

export function StatusBadge({ statut }: { statut: Status | null }) {
  if (!statut) return <Badge noIcon>inconnu</Badge>;
  return (
    <Badge severity={STATUS_SEVERITY[statut]} small noIcon>
      {STATUS_LABELS[statut]}
    </Badge>
  );
}

/** The kind's acronym, its full name for assistive technologies and on hover. */
export function KindLabel({ type }: { type: DynamicKind }) {
  const label = DYNAMIC_KIND_LABELS[type];
  const short = type === 'CONTRAT_VILLE' ? 'CV' : type === 'MEDIATION_SANTE' ? 'Médiation' : type;
  if (short === label) return <span>{label}</span>;
  return (
    <abbr title={label} className="odts-kind">
      {short}
    </abbr>
  );
}
