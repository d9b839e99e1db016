import { useTitle } from '../lib/useTitle.ts';
import { ButtonGroup, ButtonLink } from '../ui/index.ts';

export default function NotFoundPage() {
  useTitle('Page introuvable');
  return (
    <div className="u-my-8">
      <h1>Page introuvable</h1>
      <p className="u-lead">L’adresse demandée ne correspond à aucune page de l’Observatoire.</p>
      <p>Si vous l’avez saisie, vérifiez-la ; sinon, repartez de l’accueil ou du registre.</p>
      <ButtonGroup>
        <li>
          <ButtonLink href="/">Page d’accueil</ButtonLink>
        </li>
        <li>
          <ButtonLink priority="secondary" href="/registre">
            Registre des dynamiques
          </ButtonLink>
        </li>
      </ButtonGroup>
    </div>
  );
}
