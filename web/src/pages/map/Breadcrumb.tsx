import { Button } from '../../ui/index.ts';

export interface Crumb {
  label: string;
  /** Opens this level; absent on the current one. */
  open?: () => void;
}

/**
 * Where the map is in the drill-down (France › région › département), each level above the current one a
 * button, plus "Remonter d’un niveau": the way back up without the mouse.
 */
export function MapBreadcrumb({ crumbs }: { crumbs: Crumb[] }) {
  const parent = crumbs.length > 1 ? crumbs[crumbs.length - 2] : undefined;
  return (
    <nav aria-label="Niveau de la carte" className="odts-map-crumbs u-mb-2">
      <ol className="odts-map-crumbs__list u-mb-1">
        {crumbs.map((c, i) => (
          <li key={c.label}>
            {c.open && i < crumbs.length - 1 ? (
              <button type="button" className="odts-map-crumbs__item" onClick={c.open}>
                {c.label}
              </button>
            ) : (
              <span className="odts-map-crumbs__item" aria-current="location">
                {c.label}
              </span>
            )}
          </li>
        ))}
      </ol>
      {parent?.open && (
        <Button priority="secondary" size="small" iconId="arrow-up-line" onClick={parent.open}>
          Remonter à : {parent.label}
        </Button>
      )}
    </nav>
  );
}
