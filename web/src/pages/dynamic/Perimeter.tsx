import type { TerritoryType } from '@domain/territories/types.ts';
import { useEffect, useState } from 'react';
import { getJson } from '../../api/client.ts';
import type { Dynamic } from '../../api/types.ts';
import { formatInteger } from '../../lib/format.ts';
import { useTerritoryName } from '../../lib/useTerritoryName.ts';
import { Link } from '../../router/Link.tsx';
import { Tag } from '../../ui/index.ts';
import { PerimeterMap } from './PerimeterMap.tsx';

const LISTED = 300;

function TerritoryLink({ type, code }: { type: TerritoryType; code: string }) {
  const name = useTerritoryName(type, code);
  return <Link href={`/territoires/${type}/${code}`}>{name ?? code}</Link>;
}

/** Names of the communes, fetched only when the list is opened, a few at a time. */
function CommuneList({ codes }: { codes: string[] }) {
  const [names, setNames] = useState<Record<string, string>>({});
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    const queue = codes.slice(0, LISTED);
    const worker = async () => {
      for (let code = queue.shift(); code; code = queue.shift()) {
        try {
          const t = await getJson<{ nom: string }>(`/api/territoires/commune/${code}`, controller.signal);
          setNames((n) => ({ ...n, [code]: t.nom }));
        } catch {
          if (controller.signal.aborted) return;
        }
      }
    };
    for (let i = 0; i < 6; i++) void worker();
    return () => controller.abort();
  }, [open, codes]);
  return (
    <details onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)} className="u-mt-2">
      <summary>Liste des communes couvertes ({formatInteger(codes.length)})</summary>
      <ul className="odts-chips u-mt-2">
        {codes.slice(0, LISTED).map((c) => (
          <li key={c}>
            <Tag small href={`/territoires/commune/${c}`}>
              {names[c] ?? c}
            </Tag>
          </li>
        ))}
      </ul>
      {codes.length > LISTED && <p className="u-mt-1">… et {formatInteger(codes.length - LISTED)} autres.</p>}
    </details>
  );
}

export function Perimeter({ dynamic }: { dynamic: Dynamic }) {
  const p = dynamic.perimetre;
  const entered: [TerritoryType, string[], string][] = [
    ['departement', p.departements, 'Départements'],
    ['epci', p.epci, 'Intercommunalités'],
    ['qpv', p.qpv, 'Quartiers prioritaires'],
  ];
  return (
    <section aria-labelledby="perimetre" className="u-mt-4">
      <h2 id="perimetre">Périmètre</h2>
      <p>
        {formatInteger(p.communes.length)} commune{p.communes.length > 1 ? 's' : ''} couverte
        {p.communes.length > 1 ? 's' : ''}.
      </p>
      {entered
        .filter(([, codes]) => codes.length > 0)
        .map(([type, codes, label]) => (
          <p key={type}>
            {label} :{' '}
            {codes.map((code, i) => (
              <span key={code}>
                {i > 0 && ', '}
                <TerritoryLink type={type} code={code} />
              </span>
            ))}
          </p>
        ))}
      {p.communes.length > 0 && <PerimeterMap communes={p.communes} name={dynamic.nom} />}
      {p.communes.length > 0 && <CommuneList codes={p.communes} />}
    </section>
  );
}
