import { useTitle } from '../lib/useTitle.ts';
import { Link } from '../router/Link.tsx';

export default function NotFoundPage() {
  useTitle('Page introuvable');
  return (
    <div className="fr-my-8w">
      <h1>Page introuvable</h1>
      <p className="fr-text--lead">L’adresse demandée ne correspond à aucune page de l’Observatoire.</p>
      <p>Si vous l’avez saisie, vérifiez-la ; sinon, repartez de l’accueil ou du registre.</p>
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Link className="fr-btn" href="/">
            Page d’accueil
          </Link>
        </li>
        <li>
          <Link className="fr-btn fr-btn--secondary" href="/registre">
            Registre des dynamiques
          </Link>
        </li>
      </ul>
    </div>
  );
}
