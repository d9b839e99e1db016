import { Button } from '@codegouvfr/react-dsfr/Button';

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
    <nav aria-label="Niveau de la carte" className="odts-map-crumbs fr-mb-2w">
      <ol className="fr-breadcrumb__list fr-mb-1w">
        {crumbs.map((c, i) => (
          <li key={c.label}>
            {c.open && i < crumbs.length - 1 ? (
              <button type="button" className="fr-breadcrumb__link" onClick={c.open}>
                {c.label}
              </button>
            ) : (
              <span className="fr-breadcrumb__link" aria-current="location">
                {c.label}
              </span>
            )}
          </li>
        ))}
      </ol>
      {parent?.open && (
        <Button priority="secondary" size="small" iconId="fr-icon-arrow-up-line" onClick={parent.open}>
          Remonter à : {parent.label}
        </Button>
      )}
    </nav>
  );
}
