import type { MailMessage } from '../kernel/mail/mailer.ts';

export interface InvitationFacts {
  to: string;
  nom: string | null;
  campagne: string;
  message: string;
  cloture: string;
  link: string;
  dynamiques: string[];
  organisme: string;
}

const frenchDay = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
};

function body(f: InvitationFacts, opening: string): string {
  const list = f.dynamiques.map((n) => `  - ${n}`).join('\n');
  return [
    f.nom ? `Bonjour ${f.nom},` : 'Bonjour,',
    '',
    opening,
    '',
    f.message.trim(),
    '',
    f.dynamiques.length > 0 ? `Fiches à vérifier :\n${list}\n` : '',
    `Votre lien personnel (valable jusqu’au ${frenchDay(f.cloture)} inclus, sans compte à créer) :`,
    f.link,
    '',
    'Vos réponses sont enregistrées au fil de la saisie : vous pouvez reprendre plus tard avec le même lien.',
    'Ce lien vous est propre ; ne le transmettez pas.',
    '',
    f.organisme,
  ]
    .filter((line, i, all) => !(line === '' && all[i - 1] === ''))
    .join('\n');
}

/** The invitation of a census campaign: plain French text carrying the recipient's personal link. */
export function invitation(f: InvitationFacts): MailMessage {
  return {
    to: f.to,
    subject: `${f.campagne} : merci de vérifier vos fiches`,
    text: body(f, `${f.organisme} vous invite à répondre à la campagne « ${f.campagne} ».`),
  };
}

/** A reminder: a new personal link replaces the previous one; what was saved is kept. */
export function reminder(f: InvitationFacts): MailMessage {
  return {
    to: f.to,
    subject: `Rappel — ${f.campagne}`,
    text: body(
      f,
      `Nous n’avons pas encore reçu votre réponse à la campagne « ${f.campagne} ». Ce nouveau lien ` +
        'remplace le précédent ; ce que vous avez déjà saisi est conservé.',
    ),
  };
}
