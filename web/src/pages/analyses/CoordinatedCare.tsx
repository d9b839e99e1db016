import type { CoordinatedCareResult } from '@domain/analytics/coordinated-care-schemas.ts';
import { useState } from 'react';
import { query } from '../../api/client.ts';
import type { TerritoryItem } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { Async, Empty } from '../../components/StateViews.tsx';
import { TerritorySearch } from '../../components/TerritorySearch.tsx';
import { formatDateLong, formatInteger, formatPercent } from '../../lib/format.ts';
import { Link } from '../../router/Link.tsx';
import { Button, Select, Table } from '../../ui/index.ts';
import { DataDownloads } from './DataDownloads.tsx';

type Niveau = CoordinatedCareResult['niveau'];
const LEVELS: Record<Niveau, string> = { region: 'Région', departement: 'Département', epci: 'EPCI' };

const density = (v: number | null) =>
  v === null ? '–' : v.toLocaleString('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function Figures({ data, url, scope }: { data: CoordinatedCareResult; url: string; scope: string }) {
  if (data.items.length === 0) return <Empty>Aucun territoire à afficher.</Empty>;
  const all = data.ensemble;
  return (
    <>
      <p>
        {scope} au {formatDateLong(data.date)} : {formatInteger(all.msp)} maisons de santé (
        {density(all.mspPour10000)} pour 10 000 habitants), {formatInteger(all.centresDeSante)} centres de
        santé, {formatInteger(all.cpts.total)} CPTS dont {formatInteger(all.cpts.siegeSeul)} connues par leur
        siège seul ; {formatInteger(all.cls.avecCpts)} CLS sur {formatInteger(all.cls.total)} partagent leur
        territoire avec une CPTS.
      </p>
      <Table bordered className="u-mt-3">
        <caption>
          Exercice coordonné et articulation des CLS avec les CPTS, par {LEVELS[data.niveau].toLowerCase()}
        </caption>
        <thead>
          <tr>
            <th scope="col">{LEVELS[data.niveau]}</th>
            <th scope="col" className="odts-num">
              MSP
            </th>
            <th scope="col" className="odts-num">
              MSP pour 10 000 hab.
            </th>
            <th scope="col" className="odts-num">
              Centres de santé
            </th>
            <th scope="col" className="odts-num">
              CPTS (périmètre connu / siège seul)
            </th>
            <th scope="col" className="odts-num">
              Population dans une CPTS
            </th>
            <th scope="col" className="odts-num">
              CLS articulés avec une CPTS
            </th>
          </tr>
        </thead>
        <tbody>
          {data.items.map((r) => (
            <tr key={r.territoire.code}>
              <th scope="row">
                <Link href={`/territoires/${r.territoire.type}/${r.territoire.code}`}>
                  {r.territoire.nom}
                </Link>
              </th>
              <td className="odts-num">{formatInteger(r.msp)}</td>
              <td className="odts-num">{density(r.mspPour10000)}</td>
              <td className="odts-num">{formatInteger(r.centresDeSante)}</td>
              <td className="odts-num">
                {formatInteger(r.cpts.perimetreConnu)} / {formatInteger(r.cpts.siegeSeul)}
              </td>
              <td className="odts-num">{formatPercent(r.cpts.partPopulationCouverte)}</td>
              <td className="odts-num">
                {r.cls.total === 0
                  ? '–'
                  : `${formatInteger(r.cls.avecCpts)} sur ${formatInteger(r.cls.total)}`}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
      <p className="u-text-sm">
        Une CPTS connue par son siège seul (liste FINESS, périmètre pas encore saisi) est comptée à part :
        elle ne couvre aucune population ; un CLS lui est articulé quand son périmètre contient ce siège.
      </p>
      <DataDownloads url={url} what="exercice coordonné par territoire" />
    </>
  );
}

/** MSP, centres de santé and CPTS per territory, and the CLS that articulate with a CPTS. */
export function CoordinatedCare() {
  const [niveau, setNiveau] = useState<Niveau>('region');
  const [region, setRegion] = useState<TerritoryItem | null>(null);
  const url = `/api/analyses/offre-coordonnee${query({ niveau, region: region?.code })}`;
  const state = useApi<CoordinatedCareResult>(url);
  return (
    <section aria-labelledby="offre-coordonnee" className="u-mt-6">
      <h2 id="offre-coordonnee">Exercice coordonné : MSP, centres de santé, CPTS</h2>
      <div className="odts-filters">
        <Select
          label="Un chiffre par"
          nativeSelectProps={{ value: niveau, onChange: (e) => setNiveau(e.target.value as Niveau) }}
        >
          {(Object.keys(LEVELS) as Niveau[]).map((l) => (
            <option key={l} value={l}>
              {LEVELS[l]}
            </option>
          ))}
        </Select>
        {region ? (
          <Button priority="secondary" onClick={() => setRegion(null)}>
            Toute la France (au lieu de : {region.nom})
          </Button>
        ) : (
          <TerritorySearch label="Limiter à une région" type="region" onSelect={setRegion} />
        )}
      </div>
      <Async state={state} label="Calcul des chiffres…">
        {(data) => <Figures data={data} url={url} scope={region ? region.nom : 'France'} />}
      </Async>
    </section>
  );
}
