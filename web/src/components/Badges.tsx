import {
  DYNAMIC_KIND_LABELS,
  type DynamicKind,
  STATUS_LABELS,
  type TimelineStatus,
} from '@domain/registry/kinds.ts';
import { Badge } from '../ui/index.ts';

const STATUS_SEVERITY: Record<TimelineStatus, 'success' | 'info' | 'warning' | 'error' | undefined> = {
  actif: 'success',
  en_projet: 'info',
  suspendu: 'warning',
  arrete: 'error',
  echue: 'warning',
  inconnu: undefined,
};

/** `null`: the dynamic did not exist yet on the date shown. */
export function StatusBadge({ statut }: { statut: TimelineStatus | null }) {
  if (!statut) return <Badge noIcon>pas encore créée</Badge>;
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
