import { z } from '../zod-fr.ts';
import { declaredCountSchema } from './declared-counts.ts';
import { type DynamicInput, dynamicInput } from './schemas.ts';

/**
 * Data files shipped with the project (data-seed/): dynamics entered from a published document.
 * Each record has a local key `cle`; its links name other records of the same file by that key and are
 * resolved to identifiers when the file is loaded.
 */

const seedKey = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'clé attendue en minuscules et tirets, par exemple ara-lyon-cls');

const allowedKeys = new Set(['cle', ...Object.keys(dynamicInput.shape)]);

/** A record: the fields of a dynamic plus `cle`; an unknown field is an error, not silently dropped. */
export const seedDynamicSchema = z
  .record(z.string(), z.unknown())
  .superRefine((raw, ctx) => {
    for (const key of Object.keys(raw)) {
      if (!allowedKeys.has(key))
        ctx.addIssue({ code: 'custom', path: [key], message: `champ inconnu : ${key}` });
    }
  })
  .pipe(z.intersection(z.object({ cle: seedKey }), dynamicInput));
export type SeedDynamic = z.infer<typeof seedDynamicSchema>;

export const seedDynamicsFile = z
  .object({
    description: z.string().min(1),
    dynamiques: z.array(seedDynamicSchema).min(1),
  })
  .strict()
  .superRefine((file, ctx) => {
    // A record that failed its own validation is passed through unparsed: its errors are enough.
    if (!file.dynamiques.every((d) => typeof d.cle === 'string' && Array.isArray(d.liens))) return;
    const seen = new Set<string>();
    file.dynamiques.forEach((d, i) => {
      if (seen.has(d.cle)) {
        ctx.addIssue({ code: 'custom', path: ['dynamiques', i, 'cle'], message: `clé en double : ${d.cle}` });
      }
      seen.add(d.cle);
    });
    file.dynamiques.forEach((d, i) => {
      d.liens.forEach((l, j) => {
        const path = ['dynamiques', i, 'liens', j, 'cible'];
        if (!seen.has(l.cible)) ctx.addIssue({ code: 'custom', path, message: `clé inconnue : ${l.cible}` });
        else if (l.cible === d.cle) ctx.addIssue({ code: 'custom', path, message: 'lien vers soi-même' });
      });
    });
    if (seen.size === file.dynamiques.length && !loadingOrder(file.dynamiques)) {
      ctx.addIssue({ code: 'custom', path: ['dynamiques'], message: 'liens circulaires entre dynamiques' });
    }
  });
export type SeedDynamicsFile = z.infer<typeof seedDynamicsFile>;

export const seedCountsFile = z
  .object({
    description: z.string().min(1),
    decomptes: z.array(declaredCountSchema),
  })
  .strict();
export type SeedCountsFile = z.infer<typeof seedCountsFile>;

/**
 * Records ordered so that every link target comes before the records pointing to it;
 * null when links form a cycle. Links to keys absent from the list are ignored here.
 */
export function loadingOrder(records: SeedDynamic[]): SeedDynamic[] | null {
  const byKey = new Map(records.map((r) => [r.cle, r]));
  const state = new Map<string, 'visiting' | 'done'>();
  const ordered: SeedDynamic[] = [];
  const visit = (r: SeedDynamic): boolean => {
    const s = state.get(r.cle);
    if (s === 'done') return true;
    if (s === 'visiting') return false;
    state.set(r.cle, 'visiting');
    for (const l of r.liens) {
      const target = byKey.get(l.cible);
      if (target && !visit(target)) return false;
    }
    state.set(r.cle, 'done');
    ordered.push(r);
    return true;
  };
  return records.every(visit) ? ordered : null;
}

/** The dynamic to create, links pointing to identifiers instead of keys. */
export function resolveSeedLinks(record: SeedDynamic, idOf: ReadonlyMap<string, string>): DynamicInput {
  const { cle, ...input } = record;
  return {
    ...input,
    liens: input.liens.map((l) => {
      const id = idOf.get(l.cible);
      if (!id) throw new Error(`${cle} : lien vers une clé inconnue (${l.cible})`);
      return { ...l, cible: id };
    }),
  };
}

/** One line per problem: where (file, record key or index, field) and what. */
export function describeSeedIssues(file: string, raw: unknown, issues: z.core.$ZodIssue[]): string {
  const records = (raw as { dynamiques?: { cle?: unknown }[] } | null)?.dynamiques;
  const lines = issues.slice(0, 20).map((issue) => {
    const [first, index, ...rest] = issue.path;
    const cle = first === 'dynamiques' && typeof index === 'number' ? records?.[index]?.cle : undefined;
    const where =
      typeof cle === 'string' ? [`« ${cle} »`, ...rest].join('.') : issue.path.join('.') || '(fichier)';
    return `  - ${where} : ${issue.message}`;
  });
  const more = issues.length > 20 ? `\n  … et ${issues.length - 20} autres problèmes` : '';
  return `Fichier de données invalide ${file} :\n${lines.join('\n')}${more}`;
}
