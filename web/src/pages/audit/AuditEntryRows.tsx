import type { auditEntry } from '@domain/kernel/audit.ts';
import { useState } from 'react';
import type { z } from 'zod';
import { Link } from '../../router/Link.tsx';
import { Button } from '../../ui/index.ts';
import { formatMoment } from '../accounts/labels.ts';
import { ChangesTable } from './ChangesTable.tsx';
import { RestorePanel } from './RestorePanel.tsx';
import { restoreTarget } from './restore.ts';
import { diffSnapshots } from './snapshotDiff.ts';

export type AuditEntry = z.infer<typeof auditEntry>;

const ACTION_LABELS: Record<string, string> = {
  creation: 'création',
  modification: 'modification',
  suppression: 'suppression',
  annulation: 'annulation de lot',
  migration_commune: 'fusion de communes',
  restauration: 'restauration',
};

const SOURCE_LABELS: Record<string, string> = {
  interactif: 'saisie',
  import: 'import',
  annulation: 'annulation',
  systeme: 'système',
  campagne: 'campagne de recensement',
};

/** Where a record of the journal can be read, when it has a page of its own. */
function recordLink(entite: string, id: string): string | null {
  if (entite === 'dynamique') return `/dynamiques/${encodeURIComponent(id)}`;
  if (entite === 'notice') return `/ressources/${encodeURIComponent(id)}`;
  if (entite === 'selection') return `/selections/${encodeURIComponent(id)}`;
  if (entite === 'glossaire') return `/glossaire#${encodeURIComponent(id)}`;
  return null;
}

/** One change: a summary row, and on demand a row with the fields before and after, and the restore. */
export function AuditEntryRows({
  entry,
  permissions,
  onRestored,
}: {
  entry: AuditEntry;
  permissions: readonly string[];
  onRestored: () => void;
}) {
  const [open, setOpen] = useState(false);
  const href = recordLink(entry.entite, entry.entiteId);
  const detailId = `detail-${entry.id}`;
  const target = restoreTarget(entry, permissions);
  const version = entry.version === null ? '' : ` ${entry.version}`;
  // A deletion carries the version it removed: named apart from the change that produced that version.
  const what =
    entry.action === 'suppression' ? `la suppression de la version${version}` : `la version${version}`;
  return (
    <>
      <tr>
        <td>{formatMoment(entry.date)}</td>
        <td>{entry.auteur}</td>
        <td>
          {entry.entite} {href ? <Link href={href}>{entry.entiteId}</Link> : entry.entiteId}
        </td>
        <td>{ACTION_LABELS[entry.action] ?? entry.action}</td>
        <td>{SOURCE_LABELS[entry.source] ?? entry.source}</td>
        <td>{entry.version ?? '—'}</td>
        <td>
          <Button
            size="small"
            priority="tertiary"
            onClick={() => setOpen(!open)}
            nativeButtonProps={{ 'aria-expanded': open, 'aria-controls': detailId }}
          >
            {open ? 'Masquer' : 'Détail'}
            <span className="u-sr-only">
              {' '}
              de {what} de {entry.entite} {entry.entiteId}
            </span>
          </Button>
        </td>
      </tr>
      <tr id={detailId} hidden={!open}>
        <td colSpan={7}>
          {open && (
            <>
              <ChangesTable
                caption={`${entry.action === 'suppression' ? 'Suppression de la version' : 'Version'}${version} de ${entry.entite} ${entry.entiteId} : avant et après`}
                changes={diffSnapshots(entry.avant, entry.apres)}
                beforeLabel="Avant"
                afterLabel="Après"
              />
              {target && <RestorePanel target={target} onRestored={onRestored} />}
            </>
          )}
        </td>
      </tr>
    </>
  );
}
