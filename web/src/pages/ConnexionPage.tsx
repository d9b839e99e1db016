import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { useTitle } from '../lib/useTitle.ts';
import { Link } from '../router/Link.tsx';

/** Accounts do not exist yet: this page says so instead of showing a login form that cannot work. */
export default function ConnexionPage() {
  useTitle('Connexion');
  return (
    <div className="fr-my-4w">
      <h1>Connexion</h1>
      <Alert
        severity="info"
        title="Les comptes ne sont pas encore disponibles"
        description="L’Observatoire n’a pas encore de comptes utilisateurs : il n’est pas possible de se connecter pour l’instant."
      />
      <h2 className="fr-h4 fr-mt-4w">Et en attendant ?</h2>
      <ul>
        <li>
          La consultation (registre, fiches, carte, analyses, centre de ressources) est ouverte à toutes et à
          tous.
        </li>
        <li>
          Les fiches peuvent déjà être créées et modifiées depuis le <Link href="/registre">registre</Link> ou
          importées par fichier (<Link href="/import">import</Link>) : chaque modification est inscrite dans
          l’historique de la fiche avec l’auteur « anonyme », la date et les valeurs avant et après.
        </li>
        <li>
          Quand les comptes arriveront, les rôles (coordinateur, équipe régionale, documentaliste,
          administrateur) limiteront qui peut modifier quoi, et l’historique nommera l’auteur.
        </li>
      </ul>
    </div>
  );
}
