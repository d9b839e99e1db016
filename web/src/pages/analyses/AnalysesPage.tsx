import { useTitle } from '../../lib/useTitle.ts';
import { Configurations } from './Configurations.tsx';
import { CoordinatedCare } from './CoordinatedCare.tsx';
import { CountsSection } from './CountsTable.tsx';
import { Coverage } from './Coverage.tsx';
import { Evolution } from './Evolution.tsx';

export default function AnalysesPage() {
  useTitle('Analyses');
  return (
    <>
      <h1 className="u-mt-4">Analyses</h1>
      <p className="u-lead">
        Comptages par région et par type, configurations des dispositifs de santé sur les territoires des
        contrats de ville (ou de tout autre type de dynamique), couverture de la population et évolution entre
        deux dates. Chaque graphique se télécharge en PNG ou SVG, ses données en CSV ou XLSX.
      </p>
      <CountsSection />
      <Configurations />
      <Coverage />
      <Evolution />
      <CoordinatedCare />
    </>
  );
}
