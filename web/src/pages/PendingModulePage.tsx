import { useTitle } from '../lib/useTitle.ts';
import { Link } from '../router/Link.tsx';
import { Alert, ButtonLink } from '../ui/index.ts';

interface Module {
  title: string;
  purpose: string;
  meanwhile: { href: string; label: string };
}

const MODULES: Record<'campagnes', Module> = {
  campagnes: {
    title: 'Campagnes de mise à jour',
    purpose:
      'Ce module permettra aux équipes régionales d’inviter les coordinateurs à vérifier et compléter leurs fiches, puis de suivre les réponses.',
    meanwhile: { href: '/registre', label: 'Consulter le registre' },
  },
};

/** A planned module, said plainly: no placeholder data. */
function PendingModule({ module }: { module: Module }) {
  useTitle(module.title);
  return (
    <div className="u-my-4">
      <h1>{module.title}</h1>
      <Alert
        severity="info"
        title="Module pas encore disponible"
        description="Cette partie de l’Observatoire est en préparation : aucune donnée n’y est encore publiée."
      />
      <p className="u-mt-3">{module.purpose}</p>
      <p>
        <ButtonLink priority="secondary" href={module.meanwhile.href}>
          {module.meanwhile.label}
        </ButtonLink>
      </p>
    </div>
  );
}

export function CampaignsPage() {
  return <PendingModule module={MODULES.campagnes} />;
}
