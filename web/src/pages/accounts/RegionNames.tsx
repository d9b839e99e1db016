import { useTerritoryName } from '../../lib/useTerritoryName.ts';

function RegionName({ code }: { code: string }) {
  const name = useTerritoryName('region', code);
  return <>{name ? `${name} (${code})` : code}</>;
}

/** Régions of an account or a token by name, their codes beside; a dash when there are none. */
export function RegionNames({ codes }: { codes: string[] }) {
  if (codes.length === 0) return <>—</>;
  return (
    <>
      {codes.map((code, i) => (
        <span key={code}>
          {i > 0 && ', '}
          <RegionName code={code} />
        </span>
      ))}
    </>
  );
}
