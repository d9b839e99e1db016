import { z } from '../zod-fr.ts';

/**
 * One problem found while importing a file, whatever the file holds (dynamics, notices, reference
 * layers): where (`ligne`: line of a spreadsheet with the header as 1, entity or item number in other
 * formats, 0 for the file as a whole), which column or field (`champ`), what is wrong (`message`, French).
 * The shape of `erreurs` in every import report of the API.
 */
export const importIssue = z.object({
  ligne: z.number().int().min(0),
  champ: z.string(),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof importIssue>;

/** `champ` of a problem of the file itself rather than of one of its columns. */
export const FILE_FIELD = '(fichier)';
