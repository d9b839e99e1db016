import { useMemo } from 'react';
import { useTitle } from '../../lib/useTitle.ts';
import { navigate, useLocation } from '../../router/history.ts';
import { Configurations } from './Configurations.tsx';
import { CoordinatedCare } from './CoordinatedCare.tsx';
import { CountsSection } from './CountsTable.tsx';
import { Coverage } from './Coverage.tsx';
import { Evolution } from './Evolution.tsx';
import { ScopeBar, useScopeName } from './ScopeBar.tsx';
import { SelfAssessments } from './SelfAssessments.tsx';
import { readScope, scopeAddress } from './scope.ts';

export default function AnalysesPage() {
  useTitle('Analyses');
  const { search } = useLocation();
  const scope = useMemo(() => readScope(search), [search]);
  const name = useScopeName(scope);
  return (
    <>
      <h1 className="u-mt-4">Analyses</h1>
      <p className="u-lead">
        Comptages par territoire et par type, configurations des dispositifs de santé sur les territoires des
        contrats de ville (ou de tout autre type de dynamique), couverture de la population et évolution entre
        deux dates, pour la France, une région ou un département, à la date choisie. Chaque graphique se
        télécharge en PNG ou SVG, ses données en CSV ou XLSX ; l’adresse de la page garde le territoire et la
        date.
      </p>
      <ScopeBar scope={scope} onChange={(next) => navigate(scopeAddress(next), { replace: true })} />
      <p aria-live="polite" className="u-bold">
        {name}
        {scope.date ? `, au ${scope.date.split('-').reverse().join('/')}` : ', aujourd’hui'}
      </p>
      <CountsSection scope={scope} />
      <Configurations scope={scope} />
      <Coverage scope={scope} />
      <Evolution scope={scope} />
      <SelfAssessments scope={scope} />
      <CoordinatedCare />
    </>
  );
}
