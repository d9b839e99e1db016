import type { IdentityResponse } from '@domain/identity/identity.ts';
import { contactHref } from '@domain/identity/identity.ts';
import { useApi } from '../api/useApi.ts';
import { Async } from '../components/StateViews.tsx';
import { useTitle } from '../lib/useTitle.ts';
import { identity } from '../ui/index.ts';

/** Paragraphs of the operator's legal notice, separated by blank lines in its text. */
function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => (
          <p key={p} className="odts-prewrap">
            {p}
          </p>
        ))}
    </>
  );
}

/** Who runs this instance, the legal notice, the accessibility status and where the data comes from. */
export default function AboutPage() {
  const id = identity();
  useTitle('À propos');
  const state = useApi<IdentityResponse>('/api/identite');
  return (
    <>
      <h1 className="u-mt-4">À propos</h1>
      <p className="u-lead">
        {id.nom} est une instance de l’Observatoire DTS, logiciel libre de recensement et d’analyse des
        dynamiques territoriales de santé (ateliers santé ville, contrats locaux de santé, conseils locaux de
        santé mentale, CPTS, maisons et centres de santé…).
      </p>
      {id.contact && (
        <p>
          Contact : <a href={contactHref(id.contact)}>{id.contact}</a>
        </p>
      )}
      <section aria-labelledby="mentions-legales" className="u-mt-4">
        <h2 id="mentions-legales">Mentions légales</h2>
        <Async state={state} label="Chargement des mentions légales…">
          {(data) => <Paragraphs text={data.mentionsLegales} />}
        </Async>
      </section>
      <section aria-labelledby="accessibilite" className="u-mt-4">
        <h2 id="accessibilite">Accessibilité</h2>
        <p>
          État de conformité au référentiel général d’amélioration de l’accessibilité (RGAA) déclaré par
          l’exploitant : <strong>{id.accessibilite}</strong>.
        </p>
        <p>
          Chaque page a un titre propre, un seul titre de premier niveau et des liens d’évitement ; les
          graphiques sont doublés d’un tableau de données et la carte d’une liste. Pour signaler une
          difficulté d’accès, écrivez à l’exploitant{id.contact ? ' (contact ci-dessus)' : ''}.
        </p>
      </section>
      <section aria-labelledby="donnees" className="u-mt-4">
        <h2 id="donnees">Sources des données</h2>
        <ul>
          <li>
            Découpage administratif : code officiel géographique 2026 (INSEE), par le paquet « découpage
            administratif » d’Etalab ; contours : IGN Admin Express 2018.
          </li>
          <li>
            Quartiers prioritaires de la politique de la ville (génération 2024) et contrats de ville : ANCT.
          </li>
          <li>
            Dynamiques de démonstration : Fabrique Territoires Santé, enquête préliminaire sur les dynamiques
            territoriales de santé (mars 2018), à vérifier.
          </li>
        </ul>
        <p>
          Les données du registre restent accessibles par l’API publique :{' '}
          <a href="/api/openapi.json">documentation de l’API</a>.
        </p>
      </section>
    </>
  );
}
