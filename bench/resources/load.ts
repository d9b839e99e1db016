import type { AppContext } from '../../src/context.ts';
import type { Actor } from '../../src/domain/actor.ts';
import { type CslItem, cslToNotice } from '../../src/domain/resources/csl-mapping.ts';
import { type NoticeInput, noticeInput } from '../../src/domain/resources/schemas.ts';
import { AUDIENCES, NOTICE_DISPOSITIFS } from '../../src/domain/resources/vocabulary.ts';
import type { BenchNotice } from '../generate/notices.ts';

/** Themes the generator's keywords point to, so that the theme facet has realistic counts. */
const THEME_OF_KEYWORD: Record<string, string> = {
  'santé mentale': 'sante_mentale',
  psychiatrie: 'sante_mentale',
  'inégalités sociales de santé': 'inegalites',
  'inégalités territoriales': 'inegalites',
  précarité: 'precarite',
  'accès aux droits': 'precarite',
  coordination: 'coordination',
  'exercice coordonné': 'coordination',
  prévention: 'prevention_promotion',
  'promotion de la santé': 'prevention_promotion',
  participation: 'democratie_sanitaire',
  'démocratie sanitaire': 'democratie_sanitaire',
  'politique de la ville': 'politique_ville',
  QPV: 'politique_ville',
  'accès aux soins': 'acces_aux_soins',
  'offre de soins': 'acces_aux_soins',
  'premier recours': 'acces_aux_soins',
  jeunes: 'jeunes',
  'personnes âgées': 'vieillissement',
  environnement: 'environnement_urbanisme',
  urbanisme: 'environnement_urbanisme',
  évaluation: 'evaluation',
  diagnostic: 'methodologie',
  gouvernance: 'gouvernance',
  télésanté: 'numerique',
  nutrition: 'alimentation_activite_physique',
  addictions: 'addictions',
  'médiation en santé': 'mediation',
  périnatalité: 'perinatalite',
};

const hash = (s: string) => [...s].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);

/** A generated notice as API input: its category is the platform type; themes and audience derived. */
export function benchNoticeInput(n: BenchNotice): NoticeInput {
  const raw = cslToNotice(n as unknown as CslItem);
  const keywords = n.keyword.split(', ');
  return noticeInput.parse({
    ...raw,
    type: n.categorie,
    dispositifs: n.dispositifs.filter((d) => (NOTICE_DISPOSITIFS as string[]).includes(d)),
    themes: [...new Set(keywords.flatMap((k) => THEME_OF_KEYWORD[k] ?? []))],
    publics: [AUDIENCES[hash(n.id) % AUDIENCES.length]],
  });
}

/** Creates the notices in change sets of `chunk`, as the seed loader or a large import would. */
export async function loadNotices(
  ctx: AppContext,
  actor: Actor,
  notices: readonly BenchNotice[],
  log: (m: string) => void,
  chunk = 5_000,
): Promise<void> {
  for (let i = 0; i < notices.length; i += chunk) {
    const inputs = notices.slice(i, i + chunk).map(benchNoticeInput);
    await ctx.services.resources.notices.createMany(actor, inputs, {
      description: `Banc d’essai : notices ${i + 1} à ${i + inputs.length}`,
    });
    log(`  ${i + inputs.length} notices`);
  }
}
