import type { DynamicLinks } from '@domain/registry/responses.ts';
import { useApi } from '../../api/useApi.ts';
import { ErrorMessage } from '../../components/StateViews.tsx';
import { formatDateShort } from '../../lib/format.ts';
import { Link } from '../../router/Link.tsx';

type LinkEnd = DynamicLinks['sortants'][number];

function LinkItem({ link }: { link: LinkEnd }) {
  return (
    <li>
      {link.libelle}{' '}
      <Link href={`/dynamiques/${encodeURIComponent(link.dynamique.id)}`}>{link.dynamique.nom}</Link>
      {(link.debut || link.fin) && (
        <span className="u-text-sm">
          {' '}
          ({link.debut ? `depuis le ${formatDateShort(link.debut)}` : ''}
          {link.fin ? ` jusqu’au ${formatDateShort(link.fin)}` : ''})
        </span>
      )}
    </li>
  );
}

/**
 * Links with other dynamics, both ways: those this record states and those other records state towards
 * it (a CLS shows the CLSM that declares itself its « volet santé mentale »). Nothing shown when none.
 */
export function LinksSection({ id, version }: { id: string; version: number }) {
  const links = useApi<DynamicLinks>(`/api/dynamiques/${encodeURIComponent(id)}/liens?v=${version}`);
  if (links.status === 'loading') return null;
  if (links.status === 'error') return <ErrorMessage error={links.error} onRetry={links.reload} />;
  const all = [...links.data.sortants, ...links.data.entrants];
  if (all.length === 0) return null;
  return (
    <section aria-labelledby="liens" className="u-mt-4">
      <h2 id="liens">Liens avec d’autres dynamiques</h2>
      <ul>
        {all.map((l) => (
          <LinkItem key={`${l.libelle}:${l.dynamique.id}:${l.debut ?? ''}`} link={l} />
        ))}
      </ul>
    </section>
  );
}
