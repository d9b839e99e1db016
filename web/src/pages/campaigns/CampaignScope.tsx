import { useTerritoryName } from '../../lib/useTerritoryName.ts';

function Named({ type, code }: { type: 'region' | 'departement'; code: string }) {
  const name = useTerritoryName(type, code);
  return <>{name ? `${name} (${code})` : code}</>;
}

/** A campaign's scope in words: the région, or its départements. */
export function CampaignScope({ region, departements }: { region: string | null; departements: string[] }) {
  if (region)
    return (
      <>
        Région <Named type="region" code={region} />
      </>
    );
  return (
    <>
      {departements.length > 1 ? 'Départements ' : 'Département '}
      {departements.map((d, i) => (
        <span key={d}>
          {i > 0 && ', '}
          <Named type="departement" code={d} />
        </span>
      ))}
    </>
  );
}
