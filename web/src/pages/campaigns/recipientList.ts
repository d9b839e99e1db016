/**
 * Recipients typed, pasted or read from a CSV file: one `email;nom;id1,id2` per line. The name and the
 * dynamics are optional; a first line naming the columns is skipped. Pure, so that the form and its
 * tests read a list the same way.
 */

export interface TypedRecipient {
  email: string;
  nom: string | null;
  dynamiques: string[];
}

export interface RecipientListProblem {
  /** Line number in the text, from 1. */
  ligne: number;
  message: string;
}

export interface ParsedRecipients {
  recipients: TypedRecipient[];
  problems: RecipientListProblem[];
}

const EMAIL = /^[^\s@;,]+@[^\s@;,]+\.[^\s@;,]+$/;

/** Cells of one line split on `;`, a cell between double quotes keeping its `;` (spreadsheet exports). */
function cells(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (c === ';') {
      out.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  out.push(cell.trim());
  return out;
}

function isHeader(first: string): boolean {
  return !first.includes('@') && /e-?mail|adresse|courriel/i.test(first);
}

export function parseRecipientList(text: string): ParsedRecipients {
  const recipients: TypedRecipient[] = [];
  const problems: RecipientListProblem[] = [];
  const seen = new Map<string, number>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  lines.forEach((raw, i) => {
    const ligne = i + 1;
    if (raw.trim() === '') return;
    const [email = '', nom = '', ids = ''] = cells(raw);
    if (recipients.length === 0 && problems.length === 0 && isHeader(email)) return;
    if (!EMAIL.test(email)) {
      problems.push({ ligne, message: `adresse électronique invalide : « ${email || '(vide)'} »` });
      return;
    }
    const key = email.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({ ligne, message: `adresse « ${email} » déjà donnée ligne ${first}` });
      return;
    }
    seen.set(key, ligne);
    const dynamiques = [
      ...new Set(
        ids
          .split(/[,\s]+/)
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ];
    recipients.push({ email, nom: nom || null, dynamiques });
  });
  return { recipients, problems };
}
