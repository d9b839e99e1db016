import { useTitle } from '../../lib/useTitle.ts';
import { Configurations } from './Configurations.tsx';
import { CountsSection } from './CountsTable.tsx';

export default function AnalysesPage() {
  useTitle('Analyses');
  return (
    <>
      <h1 className="fr-mt-4w">Analyses</h1>
      <p className="fr-text--lead">
        Comptages par région et par type, et configurations des dispositifs de santé sur les territoires des
        contrats de ville (ou de tout autre type de dynamique).
      </p>
      <CountsSection />
      <Configurations />
    </>
  );
}
